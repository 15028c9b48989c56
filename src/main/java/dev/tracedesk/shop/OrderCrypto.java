package dev.tracedesk.shop;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * AES-256-GCM for shop payloads: {@code base64(iv[12] || ciphertext || tag[16])}. The shop id and message id are the
 * additional authenticated data, so moving a payload to another order is detected like any other tampering.
 */
public final class OrderCrypto {
    public static final int IV_BYTES = 12;
    public static final int TAG_BITS = 128;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final SecretKeySpec key;

    public OrderCrypto(byte[] key) {
        if (key.length != 32) throw new IllegalArgumentException("the shop key must be 256 bits, got " + key.length * 8);
        this.key = new SecretKeySpec(key.clone(), "AES");
    }

    /** From the base64 form used in the function configuration. */
    public static OrderCrypto fromBase64(String key) {
        try {
            return new OrderCrypto(Base64.getDecoder().decode(key.trim()));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("the shop key is not valid base64 of 32 bytes: " + e.getMessage());
        }
    }

    public static String newKey() {
        byte[] k = new byte[32];
        RANDOM.nextBytes(k);
        return Base64.getEncoder().encodeToString(k);
    }

    /** Thrown when a payload fails authentication (tampered, truncated, wrong key or wrong ids). */
    public static final class TamperedException extends Exception {
        public TamperedException(String message) { super(message); }
    }

    public String encrypt(String shopId, String messageId, String plaintext) {
        byte[] iv = new byte[IV_BYTES];
        RANDOM.nextBytes(iv);
        try {
            Cipher c = Cipher.getInstance("AES/GCM/NoPadding");
            c.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, iv));
            c.updateAAD(aad(shopId, messageId));
            byte[] ct = c.doFinal(plaintext.getBytes(StandardCharsets.UTF_8));
            return Base64.getEncoder().encodeToString(ByteBuffer.allocate(iv.length + ct.length).put(iv).put(ct).array());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM unavailable", e);
        }
    }

    public String decrypt(String shopId, String messageId, String payload) throws TamperedException {
        byte[] raw;
        try {
            raw = Base64.getDecoder().decode(payload);
        } catch (IllegalArgumentException e) {
            throw new TamperedException("payload is not base64");
        }
        if (raw.length < IV_BYTES + TAG_BITS / 8) throw new TamperedException("payload too short");
        try {
            Cipher c = Cipher.getInstance("AES/GCM/NoPadding");
            c.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, raw, 0, IV_BYTES));
            c.updateAAD(aad(shopId, messageId));
            return new String(c.doFinal(raw, IV_BYTES, raw.length - IV_BYTES), StandardCharsets.UTF_8);
        } catch (AEADBadTagException e) {
            throw new TamperedException("authentication tag mismatch");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM unavailable", e);
        }
    }

    private static byte[] aad(String shopId, String messageId) {
        return (shopId + "/" + messageId).getBytes(StandardCharsets.UTF_8);
    }
}

package dev.tracedesk.shop.deploy;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Objects;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.S3Exception;

/**
 * The S3 bucket the Lambda zip is staged in for CloudFormation: one per account and region
 * ({@code tracedesk-staging-<account>-<region>}), created on first use. The zip's key carries its content hash, so
 * an unchanged zip is not uploaded again and a changed one makes CloudFormation update the functions' code.
 */
public final class StagingBucket {
    static final String KEY_PREFIX = "tracedesk/shop/tracedesk-shop-lambda-";

    private final S3Client s3;
    private final String bucket;
    private final String region;

    public StagingBucket(S3Client s3, String bucket, String region) {
        this.s3 = Objects.requireNonNull(s3, "s3");
        this.bucket = Objects.requireNonNull(bucket, "bucket");
        this.region = Objects.requireNonNull(region, "region");
    }

    /** The bucket name for an account and region (S3 names are lower case, at most 63 characters). */
    public static String name(String account, String region) {
        return ("tracedesk-staging-" + account + "-" + region).toLowerCase(Locale.ROOT);
    }

    public String bucket() {
        return bucket;
    }

    /** Creates the bucket when missing, uploads the zip unless the same content is there; returns where it is. */
    public CodeLocation upload(Path zip, DeployProgress progress) {
        if (!Files.isRegularFile(zip)) {
            throw new IllegalStateException("The Lambda package " + zip + " is missing: build it with "
                    + "'mvn -DskipTests package' (it makes target/tracedesk-shop-lambda.zip).");
        }
        ensureBucket(progress);
        String key = KEY_PREFIX + sha256(zip).substring(0, 16) + ".zip";
        CodeLocation location = new CodeLocation(bucket, key);
        if (exists(key)) {
            progress.step("The Lambda package is already in " + location + " (same content): not uploaded again");
            return location;
        }
        long size = size(zip);
        progress.step(String.format(Locale.ROOT, "Uploading %s (%.1f MB) to %s", zip.getFileName(), size / 1e6, location));
        s3.putObject(b -> b.bucket(bucket).key(key).contentType("application/zip"), RequestBody.fromFile(zip));
        progress.step("Uploaded " + location);
        return location;
    }

    private void ensureBucket(DeployProgress progress) {
        try {
            s3.headBucket(b -> b.bucket(bucket));
            return;
        } catch (S3Exception e) {
            if (e.statusCode() == 403) {
                throw new IllegalStateException("The staging bucket " + bucket + " exists but this identity may not "
                        + "use it (another account owns the name, or s3:ListBucket is missing).", e);
            }
            if (e.statusCode() != 404) {
                throw e;
            }
        }
        progress.step("Creating the staging bucket " + bucket + " in " + region);
        s3.createBucket(b -> {
            b.bucket(bucket);
            // us-east-1 is S3's default location and refuses an explicit constraint.
            if (!"us-east-1".equals(region)) {
                b.createBucketConfiguration(c -> c.locationConstraint(region));
            }
        });
    }

    private boolean exists(String key) {
        try {
            s3.headObject(b -> b.bucket(bucket).key(key));
            return true;
        } catch (S3Exception e) {
            if (e.statusCode() == 404) {
                return false;
            }
            throw e;
        }
    }

    static String sha256(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            byte[] buffer = new byte[64 * 1024];
            for (int n; (n = in.read(buffer)) > 0; ) {
                digest.update(buffer, 0, n);
            }
            return HexFormat.of().formatHex(digest.digest());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static long size(Path file) {
        try {
            return Files.size(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

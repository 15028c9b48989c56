package dev.tracedesk.shop.load;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tracedesk.shop.OrderCrypto;
import dev.tracedesk.shop.ShopMessage;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

/** Sends shop requests to a stage's invoke URL ({@code …/prod}); builds valid orders encrypted with the shop key. */
public final class ShopClient {
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final String invokeUrl;
    private final OrderCrypto crypto;

    public ShopClient(String invokeUrl, String key) {
        this.invokeUrl = invokeUrl.endsWith("/") ? invokeUrl.substring(0, invokeUrl.length() - 1) : invokeUrl;
        this.crypto = key == null ? null : OrderCrypto.fromBase64(key);
    }

    /** A status, the body, the trace header the stage answered with, and the latency. */
    public record Response(int status, String body, String traceHeader, long nanos) {
        public String traceId() {
            if (traceHeader == null) return null;
            for (String p : traceHeader.split(";")) if (p.startsWith("Root=")) return p.substring(5);
            return null;
        }
    }

    /** A valid, encrypted order message as JSON. */
    public ObjectNode validOrder(String shopId) {
        if (crypto == null) throw new IllegalStateException("no shop key: valid orders need the key decrypt is configured with");
        String messageId = UUID.randomUUID().toString();
        ObjectNode order = ShopMessage.JSON.createObjectNode().put("item", "book-" + ThreadLocalRandom.current().nextInt(1000))
                .put("quantity", 1 + ThreadLocalRandom.current().nextInt(5)).put("priceCents", 100 + ThreadLocalRandom.current().nextInt(9900));
        return new ShopMessage(shopId, messageId, crypto.encrypt(shopId, messageId, order.toString())).toJson();
    }

    public Response post(String resource, String body, String traceHeader) throws IOException, InterruptedException {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(invokeUrl + resource)).timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body));
        if (traceHeader != null) b.header("X-Amzn-Trace-Id", traceHeader);
        long t0 = System.nanoTime();
        HttpResponse<String> r = http.send(b.build(), HttpResponse.BodyHandlers.ofString());
        return new Response(r.statusCode(), r.body(), r.headers().firstValue("X-Amzn-Trace-Id").orElse(null), System.nanoTime() - t0);
    }

    public Response get(String resource) throws IOException, InterruptedException {
        long t0 = System.nanoTime();
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(invokeUrl + resource)).timeout(Duration.ofSeconds(30))
                .GET().build(), HttpResponse.BodyHandlers.ofString());
        return new Response(r.statusCode(), r.body(), r.headers().firstValue("X-Amzn-Trace-Id").orElse(null), System.nanoTime() - t0);
    }
}

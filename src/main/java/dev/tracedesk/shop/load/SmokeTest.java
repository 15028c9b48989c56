package dev.tracedesk.shop.load;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tracedesk.shop.ShopStackDefinition;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.function.BiConsumer;
import java.util.function.BooleanSupplier;

/** {@code shop smoke}: valid and invalid requests with their expected outcomes, pass/fail per case. */
public final class SmokeTest {
    public record Case(String name, int expectedStatus, String expectedBodyPart) {}

    public record Outcome(Case testCase, int status, String body, String traceId, boolean passed) {}

    private interface Call {
        ShopClient.Response run() throws Exception;
    }

    private final ShopClient client;

    public SmokeTest(ShopClient client) {
        this.client = client;
    }

    public List<Outcome> run() {
        return run((done, total) -> { }, () -> false);
    }

    /** The cases in order; {@code progress} hears (done, total) after each; none starts once {@code stop} says so. */
    public List<Outcome> run(BiConsumer<Integer, Integer> progress, BooleanSupplier stop) {
        List<Pending> cases = cases();
        List<Outcome> out = new ArrayList<>();
        for (Pending p : cases) {
            if (stop.getAsBoolean()) {
                break;
            }
            out.add(check(p.testCase(), p.call()));
            progress.accept(out.size(), cases.size());
        }
        return out;
    }

    private record Pending(Case testCase, Call call) {}

    private List<Pending> cases() {
        String shop = ShopStackDefinition.RESOURCE;
        List<Pending> out = new ArrayList<>();
        out.add(new Pending(new Case("valid order is accepted", 202, "accepted"),
                () -> client.post(shop, client.validOrder("shop-1").toString(), null)));
        out.add(new Pending(new Case("second valid order is accepted", 202, "accepted"),
                () -> client.post(shop, client.validOrder("shop-2").toString(), null)));
        out.add(new Pending(new Case("missing shopId gets 400", 400, "shopId is required"), () -> {
            ObjectNode o = client.validOrder("shop-1");
            o.remove("shopId");
            return client.post(shop, o.toString(), null);
        }));
        out.add(new Pending(new Case("bad shopId gets 400", 400, "shopId must be"), () -> {
            ObjectNode o = client.validOrder("shop-1");
            o.put("shopId", "no spaces allowed");
            return client.post(shop, o.toString(), null);
        }));
        out.add(new Pending(new Case("payload that is not base64 gets 400", 400, "payload is not base64"), () -> {
            ObjectNode o = client.validOrder("shop-1");
            o.put("payload", "%%% not base64 %%%");
            return client.post(shop, o.toString(), null);
        }));
        out.add(new Pending(new Case("body that is not JSON gets 400", 400, "not JSON"), () -> client.post(shop, "{oops", null)));
        out.add(new Pending(new Case("empty body gets 400", 400, "empty"), () -> client.post(shop, "", null)));
        out.add(new Pending(new Case("tampered payload is accepted (decrypt rejects it)", 202, "accepted"), () -> {
            ObjectNode o = client.validOrder("shop-1");
            byte[] raw = Base64.getDecoder().decode(o.get("payload").asText());
            raw[raw.length - 1] ^= 1;
            o.put("payload", Base64.getEncoder().encodeToString(raw));
            return client.post(shop, o.toString(), null);
        }));
        out.add(new Pending(new Case("GET on the resource gets 403", 403, "Missing Authentication Token"), () -> client.get(shop)));
        out.add(new Pending(new Case("unknown resource gets 403", 403, "Missing Authentication Token"),
                () -> client.post("/nothing-here", "{}", null)));
        out.add(new Pending(new Case("unit-test function fails: 502", 502, "Internal server error"), () -> client.post(
                ShopStackDefinition.UNITTEST_RESOURCE, client.validOrder("unittest").toString(), null)));
        return out;
    }

    private static Outcome check(Case c, Call call) {
        try {
            ShopClient.Response r = call.run();
            boolean ok = r.status() == c.expectedStatus() && r.body() != null && r.body().contains(c.expectedBodyPart());
            return new Outcome(c, r.status(), r.body(), r.traceId(), ok);
        } catch (Exception e) {
            return new Outcome(c, -1, e.toString(), null, false);
        }
    }
}

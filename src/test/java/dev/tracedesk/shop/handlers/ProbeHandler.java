package dev.tracedesk.shop.handlers;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tracedesk.shop.FunctionEnvironment;
import dev.tracedesk.shop.Invocation;
import dev.tracedesk.shop.ShopFunction;
import dev.tracedesk.shop.ShopMessage;
import java.util.concurrent.atomic.AtomicInteger;

/** A runtime probe: counts initialisations in a static (per loaded class), sleeps or fails on request. */
public final class ProbeHandler implements ShopFunction {
    static final AtomicInteger INITS = new AtomicInteger();
    private int initsSeen;

    @Override
    public void init(FunctionEnvironment env) {
        initsSeen = INITS.incrementAndGet();
        env.log("probe initialised");
    }

    @Override
    public JsonNode handle(JsonNode event, Invocation inv) throws Exception {
        inv.log("probe handling");
        long sleep = event.path("sleepMs").asLong(0);
        if (sleep > 0) Thread.sleep(sleep);
        if (event.path("fail").asBoolean()) throw new IllegalStateException("probe failure");
        byte[] garbage = new byte[event.path("allocateMb").asInt(0) << 20];
        return ShopMessage.JSON.createObjectNode().put("initsSeen", initsSeen).put("classLoader",
                System.identityHashCode(getClass().getClassLoader())).put("allocated", garbage.length);
    }
}

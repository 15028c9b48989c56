package dev.tracedesk.shop;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * A shop handler. The runtime constructs it in a fresh container (its own class loader), calls {@link #init} once
 * (Lambda's init phase: code outside the handler) and {@link #handle} per invocation. Throwing from handle is a
 * function error (Unhandled), as in Lambda.
 */
public interface ShopFunction {
    void init(FunctionEnvironment env) throws Exception;

    JsonNode handle(JsonNode event, Invocation invocation) throws Exception;
}

package dev.tracedesk.app;

import dev.tracedesk.aws.AwsErrors;
import dev.tracedesk.explore.Session;
import dev.tracedesk.explore.load.ShopNotFoundException;
import dev.tracedesk.shop.ShopStackDefinition;
import dev.tracedesk.shop.ShopTemplate;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import software.amazon.awssdk.services.cloudformation.model.Output;
import software.amazon.awssdk.services.cloudformation.model.Stack;

/**
 * Finds a shop deployed through CloudFormation ({@code tracedesk-shop-<prefix>}, as {@code shop deploy} and the Stack
 * screen create it): the invoke URL from the stack's outputs, the function names from its outputs, and the payload
 * key from the decrypt function's environment ({@code SHOP_KEY}), all through the session's clients. The sandbox's
 * own shop is found by {@link SandboxShopLocator} instead (its stage answers on a local port the outputs do not name).
 */
public final class DeployedShopLocator implements ShopLoadTests.Locator {

    private final String prefix;

    public DeployedShopLocator(String prefix) {
        this.prefix = prefix;
    }

    @Override
    public ShopLoadTests.Location locate(Session session) throws ShopNotFoundException {
        String stackName = ShopTemplate.stackName(prefix);
        Stack stack;
        try {
            List<Stack> stacks = session.clients().cloudFormation().describeStacks(r -> r.stackName(stackName)).stacks();
            stack = stacks.isEmpty() ? null : stacks.get(0);
        } catch (RuntimeException e) {
            String message = AwsErrors.translate(e).userMessage();
            if (message.contains("does not exist")) {
                throw new ShopNotFoundException("No stack " + stackName + " on this connection: deploy the shop first");
            }
            throw new ShopNotFoundException("Cannot read stack " + stackName + ": " + message);
        }
        if (stack == null || stack.stackStatusAsString().startsWith("DELETE")) {
            throw new ShopNotFoundException("No stack " + stackName + " on this connection: deploy the shop first");
        }
        Map<String, String> outputs = stack.outputs().stream()
                .collect(Collectors.toMap(Output::outputKey, Output::outputValue, (a, b) -> a));
        String invokeUrl = outputs.get(ShopTemplate.OUT_INVOKE_URL);
        if (invokeUrl == null) {
            throw new ShopNotFoundException("Stack " + stackName + " (" + stack.stackStatusAsString()
                    + ") has no InvokeUrl output yet");
        }
        ShopStackDefinition def = ShopStackDefinition.local(prefix);
        List<String> functions = List.of(
                outputs.getOrDefault(ShopTemplate.OUT_ACCEPT_FUNCTION, def.acceptFunction()),
                outputs.getOrDefault(ShopTemplate.OUT_DECRYPT_FUNCTION, def.decryptFunction()),
                outputs.getOrDefault(ShopTemplate.OUT_UPDATE_DB_FUNCTION, def.updateDbFunction()),
                outputs.getOrDefault(ShopTemplate.OUT_UNIT_TEST_FUNCTION, def.unitTestFunction()));
        String key;
        try {
            var env = session.clients().lambda().getFunctionConfiguration(r -> r.functionName(functions.get(1)))
                    .environment();
            key = env == null || env.variables() == null ? null : env.variables().get("SHOP_KEY");
        } catch (RuntimeException e) {
            throw new ShopNotFoundException("Cannot read the payload key of " + functions.get(1) + ": "
                    + AwsErrors.translate(e).userMessage());
        }
        return new ShopLoadTests.Location(invokeUrl, key, functions);
    }
}

package dev.tracedesk.app;

import dev.tracedesk.explore.Session;
import dev.tracedesk.explore.stack.RestStage;
import dev.tracedesk.explore.stack.RoleCheck;
import dev.tracedesk.explore.stack.StackActions;
import dev.tracedesk.explore.stack.StackFunction;
import dev.tracedesk.explore.stack.StackScope;
import dev.tracedesk.explore.stack.TracingMode;
import dev.tracedesk.shop.ShopStackDefinition;
import dev.tracedesk.ui.stack.StackControls;
import java.util.List;

/**
 * The Stack screen's switches over {@link StackActions} on the window's session. The stack is everything named with
 * the shop's prefix ({@code AMIS_…}): that finds the shop whether it was deployed through CloudFormation or runs in
 * the sandbox, under any stack name.
 */
final class SessionStackControls implements StackControls {

    private final StackActions actions;
    private final StackScope scope;
    private final String prefix;

    SessionStackControls(Session session, String prefix) {
        this.actions = new StackActions(session);
        this.prefix = prefix + "_";
        this.scope = StackScope.ofNamePrefix(this.prefix);
    }

    SessionStackControls(Session session) {
        this(session, ShopStackDefinition.DEFAULT_PREFIX);
    }

    @Override
    public String describe() {
        return "functions and REST APIs named " + prefix + "…";
    }

    @Override
    public List<StackFunction> functions() {
        return actions.functions(scope);
    }

    @Override
    public List<RestStage> stages() {
        return actions.restStages(scope);
    }

    @Override
    public StackFunction setTracing(String function, TracingMode mode) {
        return actions.setTracing(function, mode);
    }

    @Override
    public RestStage setStageTracing(RestStage stage, boolean enabled) {
        return actions.setStageTracing(stage, enabled);
    }

    @Override
    public RoleCheck checkRole(String roleArn) {
        return actions.checkRole(roleArn);
    }

    @Override
    public RoleCheck attachXRayWriteAccess(String roleArn) {
        return actions.attachXRayWriteAccess(roleArn);
    }
}

package dev.tracedesk.sandbox.api;

import dev.tracedesk.sandbox.stack.CloudFormation;
import dev.tracedesk.sandbox.stack.LocalCloud;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * CloudFormation (query protocol, Version 2010-05-15): CreateStack, UpdateStack, DeleteStack, DescribeStacks,
 * DescribeStackEvents, DescribeStackResources, ListStackResources, GetTemplate over the sandbox's engine. Stacks
 * build asynchronously: the calls return at once and the client polls, as with AWS.
 */
public final class CloudFormationApi {
    private CloudFormationApi() {}

    public static void register(HttpRouter router, Supplier<LocalCloud> cloud) {
        Supplier<CloudFormation> cf = () -> cloud.get().cloudFormation();
        op(router, "CreateStack", f -> new Xml().el("StackId", cf.get().createStack(f.required("StackName"),
                f.get("TemplateBody"), parameters(f, null), f.list("Capabilities"))).toString(), f -> {
            if (f.get("TemplateURL") != null && f.get("TemplateBody") == null) {
                throw new AwsException("ValidationError", 400, "TemplateURL is not supported by the sandbox: pass TemplateBody");
            }
        });
        op(router, "UpdateStack", f -> {
            CloudFormation.Stack s = cf.get().stack(f.required("StackName"));
            return new Xml().el("StackId", cf.get().updateStack(f.required("StackName"), f.get("TemplateBody"),
                    "true".equalsIgnoreCase(f.get("UsePreviousTemplate")), parameters(f, s), f.list("Capabilities"))).toString();
        }, f -> { });
        op(router, "DeleteStack", f -> {
            cf.get().deleteStack(f.required("StackName"));
            return null;
        }, f -> { });
        op(router, "DescribeStacks", f -> {
            String name = f.get("StackName");
            List<CloudFormation.Stack> stacks = name == null ? cf.get().stacks() : List.of(cf.get().stack(name));
            Xml x = new Xml().open("Stacks");
            for (CloudFormation.Stack s : stacks) x.open("member").raw(stack(s)).close("member");
            return x.close("Stacks").toString();
        }, f -> { });
        op(router, "DescribeStackEvents", f -> {
            CloudFormation.Stack s = cf.get().stack(f.required("StackName"));
            Xml x = new Xml().open("StackEvents");
            for (CloudFormation.Event e : s.events()) {
                x.open("member").el("StackId", e.stackId()).el("EventId", e.eventId()).el("StackName", e.stackName())
                        .el("LogicalResourceId", e.logicalId()).el("PhysicalResourceId", e.physicalId())
                        .el("ResourceType", e.resourceType()).el("Timestamp", e.timestamp().toString())
                        .el("ResourceStatus", e.status()).el("ResourceStatusReason", e.reason()).close("member");
            }
            return x.close("StackEvents").toString();
        }, f -> { });
        op(router, "DescribeStackResources", f -> {
            CloudFormation.Stack s = cf.get().stack(f.required("StackName"));
            Xml x = new Xml().open("StackResources");
            for (CloudFormation.Resource r : s.resources()) {
                x.open("member").el("StackName", s.name).el("StackId", s.id).el("LogicalResourceId", r.logicalId)
                        .el("PhysicalResourceId", r.physicalId()).el("ResourceType", r.type).el("Timestamp", r.updated().toString())
                        .el("ResourceStatus", r.status()).el("ResourceStatusReason", r.reason()).close("member");
            }
            return x.close("StackResources").toString();
        }, f -> { });
        op(router, "ListStackResources", f -> {
            CloudFormation.Stack s = cf.get().stack(f.required("StackName"));
            Xml x = new Xml().open("StackResourceSummaries");
            for (CloudFormation.Resource r : s.resources()) {
                x.open("member").el("LogicalResourceId", r.logicalId).el("PhysicalResourceId", r.physicalId())
                        .el("ResourceType", r.type).el("LastUpdatedTimestamp", r.updated().toString())
                        .el("ResourceStatus", r.status()).el("ResourceStatusReason", r.reason()).close("member");
            }
            return x.close("StackResourceSummaries").toString();
        }, f -> { });
        op(router, "GetTemplate", f -> new Xml().el("TemplateBody", cf.get().stack(f.required("StackName")).templateBody()).toString(), f -> { });
    }

    private static void op(HttpRouter router, String action, Function<Form, String> body, java.util.function.Consumer<Form> check) {
        router.query("cloudformation", action, form -> {
            check.accept(form);
            try {
                return body.apply(form);
            } catch (CloudFormation.CfnError e) {
                throw new AwsException(e.code, 400, e.getMessage());
            }
        });
    }

    /** {@code Parameters.member.N.ParameterKey/ParameterValue/UsePreviousValue}. */
    private static Map<String, String> parameters(Form f, CloudFormation.Stack previous) {
        Map<String, String> out = new LinkedHashMap<>();
        for (Map<String, String> p : f.structs("Parameters")) {
            String key = p.get("ParameterKey");
            if (key == null) throw new AwsException("ValidationError", 400, "ParameterKey must be given for every parameter");
            if ("true".equalsIgnoreCase(p.get("UsePreviousValue"))) {
                if (previous == null) throw new AwsException("ValidationError", 400, "UsePreviousValue needs an existing stack");
                continue; // the engine keeps the previous value of a parameter not given
            }
            out.put(key, p.getOrDefault("ParameterValue", ""));
        }
        return out;
    }

    private static String stack(CloudFormation.Stack s) {
        Xml x = new Xml().el("StackId", s.id).el("StackName", s.name).el("Description", s.description());
        x.open("Parameters");
        s.shownParameters().forEach((k, v) -> x.open("member").el("ParameterKey", k).el("ParameterValue", v).close("member"));
        x.close("Parameters");
        x.el("CreationTime", s.created.toString());
        if (s.updated() != null) x.el("LastUpdatedTime", s.updated().toString());
        if (s.deleted() != null) x.el("DeletionTime", s.deleted().toString());
        x.el("StackStatus", s.status()).el("StackStatusReason", s.reason()).el("DisableRollback", false);
        x.open("Capabilities");
        s.capabilities().forEach(c -> x.el("member", c));
        x.close("Capabilities");
        if (!s.outputs().isEmpty()) {
            x.open("Outputs");
            s.outputs().forEach((k, v) -> x.open("member").el("OutputKey", k).el("OutputValue", v).close("member"));
            x.close("Outputs");
        }
        return x.toString();
    }
}

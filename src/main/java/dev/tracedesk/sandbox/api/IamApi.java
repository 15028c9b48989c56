package dev.tracedesk.sandbox.api;

import dev.tracedesk.sandbox.stack.LocalCloud;
import dev.tracedesk.sandbox.stack.LocalIam;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * IAM (query protocol, Version 2010-05-08): roles, their attached managed and inline policies, the AWS managed
 * policies the sandbox knows. Policy documents come back URL-encoded, as IAM returns them.
 */
public final class IamApi {
    private final Supplier<LocalCloud> cloud;

    private IamApi(Supplier<LocalCloud> cloud) { this.cloud = cloud; }

    public static void register(HttpRouter router, Supplier<LocalCloud> cloud) {
        IamApi api = new IamApi(cloud);
        api.op(router, "GetRole", f -> new Xml().raw(role(api.iam().role(f.required("RoleName")))).toString());
        api.op(router, "CreateRole", f -> new Xml().raw(role(api.iam().createRole(f.required("RoleName"), f.optional("Path", "/"),
                f.required("AssumeRolePolicyDocument"), f.get("Description")))).toString());
        api.op(router, "DeleteRole", f -> {
            LocalIam.Role r = api.iam().role(f.required("RoleName"));
            if (!r.attached().isEmpty() || !r.inlineNames().isEmpty()) {
                throw new AwsException("DeleteConflict", 409, "Cannot delete entity, must detach all policies first.");
            }
            api.iam().deleteRole(r.name);
            return null;
        });
        api.op(router, "ListRoles", f -> {
            Xml x = new Xml().open("Roles");
            api.iam().roles().stream().sorted((a, b) -> a.name.compareTo(b.name)).forEach(r -> x.open("member").raw(roleBody(r)).close("member"));
            return x.close("Roles").el("IsTruncated", false).toString();
        });
        api.op(router, "ListAttachedRolePolicies", f -> {
            LocalIam.Role r = api.iam().role(f.required("RoleName"));
            Xml x = new Xml().open("AttachedPolicies");
            for (String arn : r.attached()) {
                LocalIam.ManagedPolicy p = LocalIam.MANAGED.get(arn);
                x.open("member").el("PolicyName", p == null ? arn.substring(arn.lastIndexOf('/') + 1) : p.name()).el("PolicyArn", arn).close("member");
            }
            return x.close("AttachedPolicies").el("IsTruncated", false).toString();
        });
        api.op(router, "ListRolePolicies", f -> {
            LocalIam.Role r = api.iam().role(f.required("RoleName"));
            Xml x = new Xml().open("PolicyNames");
            for (String n : r.inlineNames()) x.el("member", n);
            return x.close("PolicyNames").el("IsTruncated", false).toString();
        });
        api.op(router, "GetRolePolicy", f -> {
            LocalIam.Role r = api.iam().role(f.required("RoleName"));
            String name = f.required("PolicyName");
            String doc = r.inline(name).orElseThrow(() -> new AwsException("NoSuchEntity", 404,
                    "The role policy with name " + name + " cannot be found."));
            return new Xml().el("RoleName", r.name).el("PolicyName", name).el("PolicyDocument", encode(doc)).toString();
        });
        api.op(router, "PutRolePolicy", f -> {
            api.iam().putInline(f.required("RoleName"), f.required("PolicyName"), f.required("PolicyDocument"));
            return null;
        });
        api.op(router, "DeleteRolePolicy", f -> {
            api.iam().deleteInline(f.required("RoleName"), f.required("PolicyName"));
            return null;
        });
        api.op(router, "AttachRolePolicy", f -> {
            api.iam().attach(f.required("RoleName"), f.required("PolicyArn"));
            return null;
        });
        api.op(router, "DetachRolePolicy", f -> {
            api.iam().detach(f.required("RoleName"), f.required("PolicyArn"));
            return null;
        });
        api.op(router, "GetPolicy", f -> {
            LocalIam.ManagedPolicy p = managed(f.required("PolicyArn"));
            long attachments = api.iam().roles().stream().filter(r -> r.attached().contains(p.arn())).count();
            return new Xml().open("Policy").el("PolicyName", p.name()).el("PolicyId", "ANPA" + Integer.toHexString(p.arn().hashCode()).toUpperCase())
                    .el("Arn", p.arn()).el("Path", p.path()).el("DefaultVersionId", "v1").el("AttachmentCount", attachments)
                    .el("IsAttachable", true).close("Policy").toString();
        });
        api.op(router, "GetPolicyVersion", f -> {
            LocalIam.ManagedPolicy p = managed(f.required("PolicyArn"));
            String v = f.required("VersionId");
            if (!v.equals("v1")) throw new AwsException("NoSuchEntity", 404, "Policy " + p.arn() + " version " + v + " does not exist.");
            return new Xml().open("PolicyVersion").el("Document", encode(p.document())).el("VersionId", "v1")
                    .el("IsDefaultVersion", true).close("PolicyVersion").toString();
        });
    }

    private LocalIam iam() { return cloud.get().iam(); }

    /** Maps LocalIam's errors to the IAM error shape. */
    private void op(HttpRouter router, String action, Function<Form, String> body) {
        router.query("iam", action, form -> {
            try {
                return body.apply(form);
            } catch (LocalIam.IamError e) {
                throw new AwsException(e.code, e.status, e.getMessage());
            }
        });
    }

    private static LocalIam.ManagedPolicy managed(String arn) {
        LocalIam.ManagedPolicy p = LocalIam.MANAGED.get(arn);
        if (p == null) throw new AwsException("NoSuchEntity", 404, "Policy " + arn + " does not exist or is not attachable.");
        return p;
    }

    /** IAM returns policy documents URL-encoded (RFC 3986: spaces as %20). */
    static String encode(String doc) {
        return URLEncoder.encode(doc, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private static String role(LocalIam.Role r) {
        return new Xml().open("Role").raw(roleBody(r)).close("Role").toString();
    }

    private static String roleBody(LocalIam.Role r) {
        return new Xml().el("Path", r.path).el("RoleName", r.name).el("RoleId", r.roleId).el("Arn", r.arn)
                .el("CreateDate", r.created.toString()).el("AssumeRolePolicyDocument", r.assumeRolePolicy == null ? null : encode(r.assumeRolePolicy))
                .el("Description", r.description).el("MaxSessionDuration", 3600).toString();
    }
}

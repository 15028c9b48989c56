package dev.tracedesk.sandbox.api;

import dev.tracedesk.sandbox.stack.LocalCloud;

/** STS GetCallerIdentity (query protocol): the sandbox's fixed account and user. */
public final class StsApi {
    public static final String USER_ARN = "arn:aws:iam::" + LocalCloud.ACCOUNT + ":user/tracedesk-sandbox";
    public static final String USER_ID = "AIDASANDBOXTRACEDESK0";

    private StsApi() {}

    public static void register(HttpRouter router) {
        router.query("sts", "GetCallerIdentity", form -> new Xml().el("Arn", USER_ARN).el("UserId", USER_ID)
                .el("Account", LocalCloud.ACCOUNT).toString());
    }
}

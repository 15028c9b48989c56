package dev.tracedesk.aws;

/** Who the connection is signed in as, from STS GetCallerIdentity. */
public record CallerIdentity(String account, String arn, String userId) {
}

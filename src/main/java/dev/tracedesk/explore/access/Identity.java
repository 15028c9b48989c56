package dev.tracedesk.explore.access;

/** Who a connection is signed in as, from STS GetCallerIdentity. */
public record Identity(String account, String arn, String userId) {
}

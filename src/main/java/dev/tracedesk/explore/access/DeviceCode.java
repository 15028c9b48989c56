package dev.tracedesk.explore.access;

import java.net.URI;

/** What the user needs to approve an IAM Identity Center sign-in: the code and the page to open. */
public record DeviceCode(String userCode, URI browserUri) {
}

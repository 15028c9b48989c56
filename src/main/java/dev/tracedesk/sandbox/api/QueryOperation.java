package dev.tracedesk.sandbox.api;

/**
 * An operation of the AWS query protocol (IAM, STS, CloudFormation): form parameters in, the inner XML of the
 * {@code <ActionResult>} element out (null for an action without a result).
 */
@FunctionalInterface
public interface QueryOperation {
    String handle(Form form);
}

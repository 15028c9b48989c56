package dev.tracedesk.sandbox.api;

/** An error the X-Ray API reports to the caller in the AWS rest-json error shape (spec §1.4). */
public final class AwsException extends RuntimeException {
    private final String code;
    private final int status;

    public AwsException(String code, int status, String message) {
        super(message, null, false, false);
        this.code = code;
        this.status = status;
    }

    public static AwsException invalidRequest(String message) {
        return new AwsException("InvalidRequestException", 400, message);
    }

    public static AwsException notFound(String message) {
        return new AwsException("ResourceNotFoundException", 404, message);
    }

    public static AwsException ruleLimit(String message) {
        return new AwsException("RuleLimitExceededException", 400, message);
    }

    public static AwsException unknownOperation(String method, String path) {
        return new AwsException("UnknownOperationException", 404, "Unknown operation: " + method + " " + path);
    }

    public static AwsException internal(String message) {
        return new AwsException("ServiceException", 500, message);
    }

    public String code() { return code; }

    public int status() { return status; }
}

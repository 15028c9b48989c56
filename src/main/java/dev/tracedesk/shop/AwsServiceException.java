package dev.tracedesk.shop;

/** An AWS service error as the SDK would surface it: error code, HTTP status, request id. */
public class AwsServiceException extends RuntimeException {
    private final String errorCode;
    private final int statusCode;
    private final String requestId;

    public AwsServiceException(String errorCode, int statusCode, String message, String requestId) {
        super(message, null, false, false);
        this.errorCode = errorCode;
        this.statusCode = statusCode;
        this.requestId = requestId;
    }

    public String errorCode() { return errorCode; }

    public int statusCode() { return statusCode; }

    public String requestId() { return requestId; }

    @Override
    public String toString() { return errorCode + ": " + getMessage() + " (Status Code: " + statusCode + ", Request ID: " + requestId + ")"; }
}

package dev.tracedesk.aws;

import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.nio.channels.ClosedByInterruptException;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.AbortedException;
import software.amazon.awssdk.core.exception.ApiCallAttemptTimeoutException;
import software.amazon.awssdk.core.exception.ApiCallTimeoutException;

/**
 * Turns whatever the SDK (or this package) threw into an {@link AwsProblem} that says what to do. Used by sign-in and
 * by every {@code explore} call, so an AccessDenied on X-Ray names the missing permission wherever it happens.
 */
public final class AwsErrors {
    private static final Pattern ACTION = Pattern.compile("perform:?\\s+([a-z0-9-]+:[A-Za-z0-9*]+)");
    private static final Pattern PRINCIPAL = Pattern.compile("User:\\s+(arn:[^\\s]+)\\s+is not authorized");
    private static final Set<String> EXPIRED = Set.of("expiredtoken", "expiredtokenexception", "tokenrefreshrequired");
    private static final Set<String> INVALID = Set.of("invalidclienttokenid", "unrecognizedclientexception",
            "invalidaccesskeyid", "authfailure", "signaturedoesnotmatch", "incompletesignature",
            "missingauthenticationtoken", "missingauthenticationtokenexception");
    private static final Set<String> SKEW = Set.of("requesttimetooskewed", "requestexpired", "invalidsignatureexception",
            "signaturedoesnotmatch");
    private static final Set<String> DENIED = Set.of("accessdenied", "accessdeniedexception", "unauthorizedoperation",
            "unauthorizedaccess", "authorizationerror");
    private static final Set<String> THROTTLE = Set.of("throttledexception", "throttling", "throttlingexception",
            "toomanyrequestsexception", "requestlimitexceeded");

    private AwsErrors() {
    }

    /** The exception to rethrow: the same one if it already carries a problem, else a translated wrapper. */
    public static AwsProblemException asException(Throwable error) {
        if (error instanceof AwsProblemException) {
            return (AwsProblemException) error;
        }
        return new AwsProblemException(translate(error), error);
    }

    public static AwsProblem translate(Throwable error) {
        for (Throwable t = error; t != null; t = t.getCause()) {
            if (t instanceof AwsProblemException) {
                return ((AwsProblemException) t).problem();
            }
        }
        for (Throwable t = error; t != null; t = t.getCause()) {
            if (t instanceof software.amazon.awssdk.services.sso.auth.ExpiredTokenException
                    || t instanceof software.amazon.awssdk.services.sso.model.UnauthorizedException) {
                return new AwsProblem(ProblemKind.SSO_TOKEN_EXPIRED,
                        "Your AWS sign-in (IAM Identity Center) has expired. Sign in again.", Optional.empty(),
                        describe(t));
            }
            if (t instanceof AwsServiceException) {
                return fromService((AwsServiceException) t);
            }
        }
        Optional<AwsProblem> network = network(error);
        if (network.isPresent()) {
            return network.get();
        }
        for (Throwable t = error; t != null; t = t.getCause()) {
            if (t instanceof InterruptedException || t instanceof AbortedException
                    || t instanceof ClosedByInterruptException) {
                return new AwsProblem(ProblemKind.CANCELLED, "Cancelled.", Optional.empty(), describe(t));
            }
        }
        String text = describe(error);
        String lower = text.toLowerCase(Locale.ROOT);
        if (lower.contains("unable to load region")) {
            return new AwsProblem(ProblemKind.MISSING_REGION,
                    "No AWS region is set. Pick a region, or add 'region = ...' to the profile.", Optional.empty(), text);
        }
        if (lower.contains("unable to load credentials")) {
            return new AwsProblem(ProblemKind.NO_CREDENTIALS,
                    "No AWS credentials were found for this profile. Check the profile, or run 'aws configure'.",
                    Optional.empty(), text);
        }
        return new AwsProblem(ProblemKind.OTHER, "The AWS request failed: " + firstLine(text), Optional.empty(), text);
    }

    private static AwsProblem fromService(AwsServiceException e) {
        String code = e.awsErrorDetails() == null || e.awsErrorDetails().errorCode() == null ? ""
                : e.awsErrorDetails().errorCode();
        String lowerCode = code.toLowerCase(Locale.ROOT);
        String message = e.awsErrorDetails() == null || e.awsErrorDetails().errorMessage() == null ? e.getMessage()
                : e.awsErrorDetails().errorMessage();
        String lowerMessage = message == null ? "" : message.toLowerCase(Locale.ROOT);
        String detail = describe(e);
        int status = e.statusCode();

        if (e.isClockSkewException() || SKEW.contains(lowerCode) && (lowerMessage.contains("signature expired")
                || lowerMessage.contains("not yet current") || lowerMessage.contains("time too skewed")
                || lowerCode.equals("requesttimetooskewed") || lowerCode.equals("requestexpired"))) {
            return new AwsProblem(ProblemKind.CLOCK_SKEW,
                    "This computer's clock is too far from AWS time, so AWS rejects the request signatures. "
                            + "Turn on automatic time synchronisation and try again.",
                    Optional.empty(), detail);
        }
        if (EXPIRED.contains(lowerCode)) {
            return new AwsProblem(ProblemKind.CREDENTIALS_EXPIRED,
                    "The temporary AWS credentials of this profile have expired. Renew them and sign in again.",
                    Optional.empty(), detail);
        }
        if (INVALID.contains(lowerCode)) {
            return new AwsProblem(ProblemKind.INVALID_CREDENTIALS,
                    "AWS does not accept this profile's credentials (" + code + "). Check the access key, "
                            + "or renew the credentials and sign in again.",
                    Optional.empty(), detail);
        }
        if (DENIED.contains(lowerCode) || status == 403) {
            return accessDenied(message == null ? "" : message, detail);
        }
        if (THROTTLE.contains(lowerCode) || status == 429) {
            return new AwsProblem(ProblemKind.THROTTLED,
                    "AWS is throttling requests. Wait a moment and try again, or narrow the time range.",
                    Optional.empty(), detail);
        }
        return new AwsProblem(ProblemKind.OTHER,
                "AWS answered " + (code.isEmpty() ? "HTTP " + status : code) + ": " + firstLine(String.valueOf(message)),
                Optional.empty(), detail);
    }

    /** Parses the IAM action (and who lacked it) from messages like "User: arn:... is not authorized to perform: xray:X". */
    static AwsProblem accessDenied(String message, String detail) {
        Matcher action = ACTION.matcher(message);
        if (!action.find()) {
            return new AwsProblem(ProblemKind.ACCESS_DENIED,
                    "AWS denied the request: your identity lacks a permission this needs. Ask your administrator, "
                            + "or sign in with another role.",
                    Optional.empty(), detail);
        }
        String permission = action.group(1);
        Matcher principal = PRINCIPAL.matcher(message);
        String who = principal.find() ? principal.group(1) : "your identity";
        String hint = permission.startsWith("xray:")
                ? " (the managed policy AWSXrayReadOnlyAccess covers reading traces)" : "";
        return new AwsProblem(ProblemKind.ACCESS_DENIED,
                "Permission " + permission + " is missing. Ask your administrator to allow " + permission + " for "
                        + who + hint + ", or sign in with a role that has it.",
                Optional.of(permission), detail);
    }

    private static Optional<AwsProblem> network(Throwable error) {
        for (Throwable t = error; t != null; t = t.getCause()) {
            String type = t.getClass().getName();
            boolean connectTimeout = type.endsWith("ConnectTimeoutException");
            if (t instanceof UnknownHostException || t instanceof ConnectException || t instanceof NoRouteToHostException
                    || t instanceof SocketTimeoutException || connectTimeout
                    || t instanceof ApiCallTimeoutException || t instanceof ApiCallAttemptTimeoutException) {
                String what = t instanceof UnknownHostException
                        ? "the AWS endpoint's name (" + t.getMessage() + ") cannot be resolved"
                        : "the AWS endpoint cannot be reached (" + t.getClass().getSimpleName() + ")";
                return Optional.of(new AwsProblem(ProblemKind.NETWORK_UNREACHABLE,
                        "No connection to AWS: " + what + ". Check the network connection, VPN or proxy (for the "
                                + "local sandbox: that it is running), and try again.",
                        Optional.empty(), describe(error)));
            }
        }
        return Optional.empty();
    }

    private static String describe(Throwable t) {
        String message = t.getMessage();
        return t.getClass().getSimpleName() + (message == null ? "" : ": " + message);
    }

    private static String firstLine(String text) {
        int newline = text.indexOf('\n');
        return newline < 0 ? text : text.substring(0, newline);
    }

    /** Whether a failure is the user's cancellation (the GUI shows nothing then). */
    public static boolean isCancellation(Throwable error) {
        return translate(error).kind() == ProblemKind.CANCELLED;
    }
}

package dev.tracedesk.explore.access;

import dev.tracedesk.aws.AwsErrors;
import dev.tracedesk.aws.AwsProblem;

/** Classifies whatever an AWS (or sandbox) call threw, for every screen: what happened and what to do. */
public final class Problems {
    private Problems() {
    }

    public static Problem classify(Throwable error) {
        for (Throwable t = error; t != null; t = t.getCause()) {
            if (t instanceof SignInException) {
                return ((SignInException) t).problem();
            }
        }
        return of(AwsErrors.translate(error));
    }

    /** Whether a failure is the user's cancellation (the GUI shows nothing then). */
    public static boolean isCancellation(Throwable error) {
        return classify(error).kind() == ProblemKind.CANCELLED;
    }

    /** Whether a failure means the sign-in ran out (expired SSO token or temporary credentials). */
    public static boolean isSessionExpired(Throwable error) {
        return classify(error).isSessionExpired();
    }

    static Problem of(AwsProblem p) {
        return new Problem(ProblemKind.of(p.kind()), p.userMessage(), p.missingPermission(), p.detail());
    }
}

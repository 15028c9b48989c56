package dev.tracedesk.ui.shell;

/**
 * Which X-Ray the window talks to, as the top bar names it: an AWS profile and region, or the local sandbox
 * ({@code profile == null}).
 */
public record ConnectionInfo(String profile, String region) {

    public static ConnectionInfo localSandbox() {
        return new ConnectionInfo(null, null);
    }

    public boolean isSandbox() {
        return profile == null;
    }
}

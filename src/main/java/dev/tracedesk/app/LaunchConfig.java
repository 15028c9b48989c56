package dev.tracedesk.app;

import dev.tracedesk.ui.common.Theme;
import dev.tracedesk.ui.shell.ConnectionInfo;

/** What the command line decided before the toolkit starts. */
record LaunchConfig(AppPaths paths, ConnectionInfo connection, Theme systemTheme) {
}

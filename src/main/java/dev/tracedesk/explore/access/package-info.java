/**
 * Signing in, as the screens see it: profiles and their kinds, regions, the sign-in itself (SSO device-code prompts,
 * MFA, cancel), recent connections, the caller identity, and every failure translated into a {@link
 * dev.tracedesk.explore.access.Problem} that says what to do. A facade over the {@code aws} package, so that no
 * {@code ui} class imports {@code aws} (DESIGN.md's one-way rule).
 */
package dev.tracedesk.explore.access;

/**
 * Signing in to AWS (or the local sandbox) and building SDK v2 clients for the result.
 *
 * <p>The GUI does not use this package directly (DESIGN.md's one-way rule): its sign-in screen goes through the
 * {@code explore.access} facade, which uses it like this (all blocking calls off the FX thread):
 * <pre>{@code
 * SignIn signIn = new SignIn(AwsEnvironment.fromSystem());
 * ProfileCatalog catalog = signIn.profiles();              // entries(), defaultChoice(), defaultRegion(p)
 * List<RegionChoice> regions = signIn.regions();
 * Connection c = chosen.isSandbox() ? signIn.sandbox(port)
 *         : signIn.connect(name, Optional.of(region), ssoPrompt, mfaProvider, cancelToken);
 * AwsClients clients = new AwsClients(c);                  // xray(), logs(), lambda(), apiGateway(), ...
 * String topBar = c.label(clients.callerIdentity());       // "profile · account · region"
 * new RecentConnections(configDir).remember(c);
 * }</pre>
 * Failures are {@link dev.tracedesk.aws.AwsProblemException}s with a user-facing message; any SDK exception from a
 * later call can be translated with {@link dev.tracedesk.aws.AwsErrors#translate(Throwable)}.
 */
package dev.tracedesk.aws;

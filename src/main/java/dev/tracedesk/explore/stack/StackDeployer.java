package dev.tracedesk.explore.stack;

import java.util.Optional;

/**
 * Deploys the shop stack through CloudFormation on the current connection (AWS or the sandbox). Declared here and
 * implemented in {@code app} (which may use {@code shop}, where the template and the Lambda artefact live). Blocking;
 * failures are {@code AwsProblemException}s, a rolled-back deployment is a result with its failures.
 */
public interface StackDeployer {
    /** Creates the stack, or updates it when it exists; follows its events until it settles. */
    DeployResult deploy(DeployRequest request, DeployListener listener);

    /** Deletes the stack and waits for DELETE_COMPLETE; a stack that does not exist is a no-op result. */
    DeployResult delete(String stackName, DeployListener listener);

    /** The stack's current status and outputs, empty when it does not exist. */
    Optional<DeployResult> describe(String stackName);

    /** One sentence on what a deployment creates (and what leaving it running costs), for the confirmation. */
    String whatDeployCreates(DeployRequest request);
}

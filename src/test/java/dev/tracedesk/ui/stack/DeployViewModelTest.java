package dev.tracedesk.ui.stack;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tracedesk.aws.AwsProblem;
import dev.tracedesk.aws.AwsProblemException;
import dev.tracedesk.aws.ProblemKind;
import dev.tracedesk.explore.stack.DeployListener;
import dev.tracedesk.explore.stack.DeployRequest;
import dev.tracedesk.explore.stack.DeployResult;
import dev.tracedesk.explore.stack.StackDeployer;
import dev.tracedesk.explore.stack.StackEvent;
import dev.tracedesk.ui.common.BackgroundTasks;
import dev.tracedesk.ui.common.ErrorReporter;
import dev.tracedesk.ui.common.Strings;
import dev.tracedesk.ui.common.TaskMonitor;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Deploy and delete on a scripted deployer: events as they come, the URL, failures in place. */
class DeployViewModelTest {

    static final class FakeDeployer implements StackDeployer {
        final List<DeployRequest> deployed = new ArrayList<>();
        RuntimeException failure;
        boolean rollBack;

        @Override
        public DeployResult deploy(DeployRequest request, DeployListener listener) {
            deployed.add(request);
            if (failure != null) {
                throw failure;
            }
            listener.step("Sandbox: the handlers run in-process, nothing to upload");
            listener.event(new StackEvent("1", Instant.parse("2026-11-28T05:00:00Z"), request.stackName(),
                    "AWS::CloudFormation::Stack", "CREATE_IN_PROGRESS", "User Initiated"));
            listener.progress(0.5);
            if (rollBack) {
                StackEvent failed = new StackEvent("2", Instant.parse("2026-11-28T05:00:01Z"), "ShopTable",
                        "AWS::DynamoDB::Table", "CREATE_FAILED", "Table already exists");
                listener.event(failed);
                return new DeployResult(request.stackName(), "ROLLBACK_COMPLETE", false, Map.of(), List.of(failed));
            }
            listener.event(new StackEvent("3", Instant.parse("2026-11-28T05:00:02Z"), request.stackName(),
                    "AWS::CloudFormation::Stack", "CREATE_COMPLETE", ""));
            return new DeployResult(request.stackName(), "CREATE_COMPLETE", false,
                    Map.of("InvokeUrl", "https://abc.execute-api.us-east-1.amazonaws.com/prod"), List.of());
        }

        @Override
        public DeployResult delete(String stackName, DeployListener listener) {
            listener.event(new StackEvent("4", Instant.parse("2026-11-28T05:01:00Z"), stackName,
                    "AWS::CloudFormation::Stack", "DELETE_COMPLETE", ""));
            return new DeployResult(stackName, "DELETE_COMPLETE", false, Map.of(), List.of());
        }

        @Override
        public Optional<DeployResult> describe(String stackName) {
            return Optional.empty();
        }

        @Override
        public String whatDeployCreates(DeployRequest request) {
            return "Stack " + request.stackName() + " with four functions";
        }
    }

    private final FakeDeployer deployer = new FakeDeployer();
    private boolean aws;
    private int changes;
    private final DeployViewModel model = new DeployViewModel(Strings.bundle(), deployer,
            BackgroundTasks.currentThread(new TaskMonitor(), new ErrorReporter(Clock.systemUTC())), Runnable::run,
            () -> aws, () -> changes++);

    @Test
    void aDeploymentListsItsEventsAndEndsWithTheInvokeUrl() {
        model.tracingProperty().set(false);

        assertThat(model.deploy()).isTrue();

        assertThat(deployer.deployed).containsExactly(new DeployRequest("tracedesk-shop-AMIS", "AMIS", false));
        assertThat(model.events()).hasSize(3);
        assertThat(model.events().get(0)).isEqualTo("Sandbox: the handlers run in-process, nothing to upload");
        assertThat(model.events().get(2)).endsWith("CREATE_COMPLETE  tracedesk-shop-AMIS (AWS::CloudFormation::Stack)");
        assertThat(model.statusProperty().get()).isEqualTo("tracedesk-shop-AMIS: CREATE_COMPLETE.");
        assertThat(model.invokeUrlProperty().get()).isEqualTo("https://abc.execute-api.us-east-1.amazonaws.com/prod");
        assertThat(model.progressProperty().get()).isEqualTo(1.0);
        assertThat(model.isBusy()).isFalse();
        assertThat(changes).as("the switches read the stack again").isEqualTo(1);

        model.delete();

        assertThat(model.events()).singleElement().satisfies(e -> assertThat(e).contains("DELETE_COMPLETE"));
        assertThat(model.invokeUrlProperty().get()).isEmpty();
        assertThat(model.statusProperty().get()).isEqualTo("tracedesk-shop-AMIS: DELETE_COMPLETE.");
    }

    @Test
    void theStackNameFollowsThePrefixUntilTheUserNamesIt() {
        model.prefixProperty().set("DEMO");
        assertThat(model.stackNameProperty().get()).isEqualTo("tracedesk-shop-DEMO");

        model.stackNameProperty().set("my-shop");
        model.prefixProperty().set("OTHER");
        assertThat(model.stackNameProperty().get()).isEqualTo("my-shop");
    }

    @Test
    void anInvalidPrefixIsRefusedInPlace() {
        model.prefixProperty().set("no spaces");

        assertThat(model.deploy()).isFalse();

        assertThat(model.formErrorProperty().get()).startsWith("A stack name starts with a letter");
        assertThat(deployer.deployed).isEmpty();
    }

    @Test
    void onAwsTheConfirmationSaysWhatWillBeCreated() {
        assertThat(model.needsConfirmation()).isFalse();
        aws = true;

        assertThat(model.needsConfirmation()).isTrue();
        assertThat(model.confirmationText()).isEqualTo("Stack tracedesk-shop-AMIS with four functions");
    }

    @Test
    void aRollbackShowsItsFailedEventsAndAnErrorStopsInPlace() {
        deployer.rollBack = true;
        model.deploy();

        assertThat(model.statusProperty().get()).isEqualTo("tracedesk-shop-AMIS ended in ROLLBACK_COMPLETE: see the failed events.");
        assertThat(model.errorProperty().get()).isEqualTo("ShopTable: Table already exists");

        deployer.failure = new AwsProblemException(AwsProblem.of(ProblemKind.ACCESS_DENIED,
                "Access denied: cloudformation:CreateStack is missing"), null);
        model.deploy();

        assertThat(model.errorProperty().get()).contains("cloudformation:CreateStack");
        assertThat(model.statusProperty().get()).isEqualTo("The deployment could not run.");
        assertThat(model.isBusy()).isFalse();
    }
}

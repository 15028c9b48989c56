package dev.tracedesk.shop.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tracedesk.shop.OrderCrypto;
import dev.tracedesk.shop.ShopTemplate;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.services.cloudformation.CloudFormationClient;
import software.amazon.awssdk.services.cloudformation.model.Capability;
import software.amazon.awssdk.services.cloudformation.model.CloudFormationException;
import software.amazon.awssdk.services.cloudformation.model.Parameter;
import software.amazon.awssdk.services.cloudformation.model.Stack;
import software.amazon.awssdk.services.cloudformation.model.StackEvent;

/**
 * Creates, updates and deletes the shop stack (the template {@link ShopTemplate}) through CloudFormation, following
 * DescribeStackEvents until the stack settles. The same code for AWS, moto_server and the sandbox; SDK failures
 * propagate as the SDK's exceptions, a stack in a state that cannot be deployed is an {@link IllegalStateException}
 * saying what to do.
 */
public final class ShopDeployment {
    private static final Logger LOG = LoggerFactory.getLogger(ShopDeployment.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    static final String NO_UPDATES = "No updates are to be performed";
    /** CloudFormation's own limit for a whole stack is far longer; the shop settles in a few minutes. */
    static final Duration MAX_WAIT = Duration.ofMinutes(45);

    private final CloudFormationClient cloudFormation;
    private final Duration pollInterval;
    private final int resourceCount;

    public ShopDeployment(CloudFormationClient cloudFormation, Duration pollInterval) {
        this.cloudFormation = Objects.requireNonNull(cloudFormation, "cloudFormation");
        this.pollInterval = Objects.requireNonNull(pollInterval, "pollInterval");
        this.resourceCount = countResources(ShopTemplate.json());
    }

    /** Creates the stack or updates it; a stack left in ROLLBACK_COMPLETE by a failed creation is deleted first. */
    public StackOutcome deploy(String stackName, String prefix, boolean tracing, CodeLocation code,
                               DeployProgress progress) {
        Optional<Stack> existing = find(stackName);
        if (existing.isPresent() && isBusy(existing.get().stackStatusAsString())) {
            throw new IllegalStateException("Stack " + stackName + " is busy (" + existing.get().stackStatusAsString()
                    + "): wait until it finishes, then deploy again.");
        }
        if (existing.isPresent() && "ROLLBACK_COMPLETE".equals(existing.get().stackStatusAsString())) {
            progress.step("Stack " + stackName + " is left over from a failed creation (ROLLBACK_COMPLETE): "
                    + "deleting it before creating it again");
            StackOutcome deleted = delete(stackName, progress);
            if (!deleted.succeeded()) {
                return deleted;
            }
            existing = Optional.empty();
        }
        Set<String> seen = new HashSet<>();
        String stackId;
        List<Parameter> common = List.of(
                Parameter.builder().parameterKey(ShopTemplate.PREFIX).parameterValue(prefix).build(),
                Parameter.builder().parameterKey(ShopTemplate.TRACING).parameterValue(ShopTemplate.tracing(tracing)).build(),
                Parameter.builder().parameterKey(ShopTemplate.CODE_BUCKET).parameterValue(code.bucket()).build(),
                Parameter.builder().parameterKey(ShopTemplate.CODE_KEY).parameterValue(code.key()).build());
        if (existing.isEmpty()) {
            List<Parameter> parameters = new ArrayList<>(common);
            // A fresh key per stack; updates keep it (UsePreviousValue), so messages in flight still decrypt.
            parameters.add(Parameter.builder().parameterKey(ShopTemplate.SHOP_KEY).parameterValue(OrderCrypto.newKey())
                    .build());
            progress.step("Creating stack " + stackName + " (" + resourceCount + " resources, tracing "
                    + ShopTemplate.tracing(tracing) + ")");
            stackId = cloudFormation.createStack(b -> b.stackName(stackName).templateBody(ShopTemplate.json())
                    .parameters(parameters).capabilities(Capability.CAPABILITY_NAMED_IAM)
                    .tags(t -> t.key("tracedesk").value("shop"))).stackId();
        } else {
            stackId = existing.get().stackId();
            seen.addAll(firstPageOfEventIds(stackId));
            List<Parameter> parameters = new ArrayList<>(common);
            parameters.add(Parameter.builder().parameterKey(ShopTemplate.SHOP_KEY).usePreviousValue(true).build());
            progress.step("Updating stack " + stackName + " (tracing " + ShopTemplate.tracing(tracing) + ", code "
                    + code + ")");
            try {
                cloudFormation.updateStack(b -> b.stackName(stackId).templateBody(ShopTemplate.json())
                        .parameters(parameters).capabilities(Capability.CAPABILITY_NAMED_IAM));
            } catch (CloudFormationException e) {
                if (e.awsErrorDetails() != null && String.valueOf(e.awsErrorDetails().errorMessage()).contains(NO_UPDATES)) {
                    progress.step("Stack " + stackName + " is up to date: nothing to change");
                    Stack stack = find(stackId).orElse(existing.get());
                    return outcome(stackName, stack, true, List.of());
                }
                throw e;
            }
        }
        return follow(stackName, stackId, seen, progress);
    }

    /** Deletes the stack and waits for DELETE_COMPLETE; a missing stack is an unchanged outcome. */
    public StackOutcome delete(String stackName, DeployProgress progress) {
        Optional<Stack> existing = find(stackName);
        if (existing.isEmpty()) {
            progress.step("Stack " + stackName + " does not exist: nothing to delete");
            return new StackOutcome(stackName, "", "DELETE_COMPLETE", true, Map.of(), List.of(), "");
        }
        String stackId = existing.get().stackId();
        Set<String> seen = new HashSet<>(firstPageOfEventIds(stackId));
        progress.step("Deleting stack " + stackName);
        cloudFormation.deleteStack(b -> b.stackName(stackId));
        return follow(stackName, stackId, seen, progress);
    }

    /** The stack's status and outputs, if it exists. */
    public Optional<StackOutcome> describe(String stackName) {
        return find(stackName).map(s -> outcome(stackName, s, false, List.of()));
    }

    private StackOutcome follow(String stackName, String stackId, Set<String> seen, DeployProgress progress) {
        long deadline = System.nanoTime() + MAX_WAIT.toNanos();
        List<StackEventRecord> failures = new ArrayList<>();
        Set<String> done = new HashSet<>();
        while (true) {
            Optional<Stack> stack = find(stackId);
            // Events after the status: the events that led to a final status are all there once it is final.
            for (StackEventRecord e : newEvents(stackId, seen)) {
                progress.event(e);
                if (e.isFailure() && e.reason() != null && !e.reason().isBlank()) {
                    failures.add(e);
                }
                if (e.status().endsWith("_COMPLETE") && !stackName.equals(e.logicalId())) {
                    done.add(e.logicalId());
                }
            }
            progress.progress(Math.min(1.0, done.size() / (double) Math.max(1, resourceCount)));
            String status = stack.map(Stack::stackStatusAsString).orElse("DELETE_COMPLETE");
            if (!isBusy(status)) {
                LOG.info("stack {} settled in {}", stackName, status);
                if (status.endsWith("_COMPLETE") && !status.contains("ROLLBACK")) {
                    // Some CloudFormation implementations report only the stack's own events.
                    progress.progress(1.0);
                }
                if (stack.isEmpty()) {
                    return new StackOutcome(stackName, stackId, status, false, Map.of(), failures, "");
                }
                return outcome(stackName, stack.get(), false, failures);
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("Stack " + stackName + " is still " + status + " after "
                        + MAX_WAIT.toMinutes() + " minutes; look at it in the CloudFormation console.");
            }
            sleep();
        }
    }

    private List<StackEventRecord> newEvents(String stackId, Set<String> seen) {
        List<StackEventRecord> fresh = new ArrayList<>();
        outer:
        for (var page : cloudFormation.describeStackEventsPaginator(b -> b.stackName(stackId))) {
            for (StackEvent e : page.stackEvents()) {
                if (seen.contains(e.eventId())) {
                    break outer;
                }
                fresh.add(new StackEventRecord(e.eventId(), e.timestamp(), e.logicalResourceId(), e.resourceType(),
                        e.resourceStatusAsString(), e.resourceStatusReason()));
            }
        }
        Collections.reverse(fresh);
        fresh.forEach(e -> seen.add(e.eventId()));
        return fresh;
    }

    private List<String> firstPageOfEventIds(String stackId) {
        return cloudFormation.describeStackEvents(b -> b.stackName(stackId)).stackEvents().stream()
                .map(StackEvent::eventId).toList();
    }

    private Optional<Stack> find(String stackNameOrId) {
        try {
            List<Stack> stacks = cloudFormation.describeStacks(b -> b.stackName(stackNameOrId)).stacks();
            return stacks.stream().filter(s -> !"DELETE_COMPLETE".equals(s.stackStatusAsString())).findFirst();
        } catch (CloudFormationException e) {
            // DescribeStacks answers a ValidationError "Stack with id X does not exist" for unknown names.
            if (e.statusCode() == 400 && String.valueOf(e.getMessage()).contains("does not exist")) {
                return Optional.empty();
            }
            throw e;
        }
    }

    private static StackOutcome outcome(String stackName, Stack stack, boolean unchanged,
                                        List<StackEventRecord> failures) {
        Map<String, String> outputs = new LinkedHashMap<>();
        stack.outputs().forEach(o -> outputs.put(o.outputKey(), o.outputValue()));
        return new StackOutcome(stackName, stack.stackId(), stack.stackStatusAsString(), unchanged, outputs, failures,
                stack.stackStatusReason());
    }

    static boolean isBusy(String status) {
        return status != null && status.endsWith("_IN_PROGRESS");
    }

    private void sleep() {
        try {
            Thread.sleep(pollInterval.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while waiting for the stack; it goes on in CloudFormation.", e);
        }
    }

    private static int countResources(String template) {
        try {
            JsonNode resources = JSON.readTree(template).get("Resources");
            return resources == null ? 0 : resources.size();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

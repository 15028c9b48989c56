package dev.tracedesk.explore.logs;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.services.cloudwatchlogs.CloudWatchLogsClient;
import software.amazon.awssdk.services.cloudwatchlogs.model.FilterLogEventsResponse;
import software.amazon.awssdk.services.cloudwatchlogs.model.ResourceNotFoundException;

/** {@link LogsSource} on an SDK v2 CloudWatch Logs client (AWS or the sandbox). */
public final class CloudWatchLogsSource implements LogsSource {

    /** Pages may be empty while a token remains (spec §7.8); stop after this many to bound a search. */
    private static final int MAX_PAGES = 50;
    private final CloudWatchLogsClient logs;

    public CloudWatchLogsSource(CloudWatchLogsClient logs) {
        this.logs = logs;
    }

    @Override
    public List<LogLine> filter(LogSearch search) {
        List<LogLine> out = new ArrayList<>();
        String token = null;
        int pages = 0;
        try {
            do {
                String t = token;
                FilterLogEventsResponse r = logs.filterLogEvents(b -> b.logGroupName(search.logGroup())
                        .startTime(search.startMillis()).endTime(search.endMillis())
                        .filterPattern(search.pattern()).nextToken(t));
                r.events().forEach(e -> out.add(new LogLine(e.eventId(), search.logGroup(), e.logStreamName(),
                        Instant.ofEpochMilli(e.timestamp() == null ? 0 : e.timestamp()), e.message())));
                token = r.nextToken() == null || r.nextToken().isEmpty() ? null : r.nextToken();
            } while (token != null && ++pages < MAX_PAGES);
        } catch (ResourceNotFoundException e) {
            throw new LogsAccessException(Failure.NO_LOG_GROUP, e.awsErrorDetails().errorMessage(), e);
        } catch (AwsServiceException e) {
            if (isDenied(e)) {
                throw new LogsAccessException(Failure.NO_PERMISSION,
                        e.awsErrorDetails() == null ? e.getMessage() : e.awsErrorDetails().errorMessage(), e);
            }
            throw e;
        }
        return out;
    }

    private static boolean isDenied(AwsServiceException e) {
        String code = e.awsErrorDetails() == null ? "" : String.valueOf(e.awsErrorDetails().errorCode());
        return e.statusCode() == 403 || code.contains("AccessDenied") || code.contains("Unauthorized");
    }

    @Override
    public OptionalInt retentionDays(String logGroup) {
        try {
            var r = logs.describeLogGroups(b -> b.logGroupNamePrefix(logGroup).limit(50));
            return r.logGroups().stream().filter(g -> logGroup.equals(g.logGroupName())).findFirst()
                    .map(g -> g.retentionInDays() == null ? OptionalInt.empty() : OptionalInt.of(g.retentionInDays()))
                    .orElse(OptionalInt.empty());
        } catch (AwsServiceException e) {
            return OptionalInt.empty();
        }
    }
}

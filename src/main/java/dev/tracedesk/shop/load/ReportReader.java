package dev.tracedesk.shop.load;

import java.util.ArrayList;
import java.util.List;
import software.amazon.awssdk.services.cloudwatchlogs.CloudWatchLogsClient;
import software.amazon.awssdk.services.cloudwatchlogs.model.FilterLogEventsResponse;
import software.amazon.awssdk.services.cloudwatchlogs.model.FilteredLogEvent;
import software.amazon.awssdk.services.cloudwatchlogs.model.ResourceNotFoundException;

/** Reads a function's REPORT lines in a time window through the CloudWatch Logs API (FilterLogEvents, all pages). */
public final class ReportReader {
    private final CloudWatchLogsClient logs;

    public ReportReader(CloudWatchLogsClient logs) {
        this.logs = logs;
    }

    public List<ReportLine> reports(String function, long startMillis, long endMillis) {
        List<ReportLine> out = new ArrayList<>();
        try {
            for (FilterLogEventsResponse page : logs.filterLogEventsPaginator(b -> b.logGroupName("/aws/lambda/" + function)
                    .startTime(startMillis).endTime(endMillis).filterPattern("\"REPORT RequestId\""))) {
                for (FilteredLogEvent e : page.events()) ReportLine.parse(e.message()).ifPresent(out::add);
            }
        } catch (ResourceNotFoundException noGroupYet) {
            // never invoked: no log group, no reports
        }
        return out;
    }
}

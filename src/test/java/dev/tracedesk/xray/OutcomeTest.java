package dev.tracedesk.xray;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tracedesk.xray.segment.Http;
import dev.tracedesk.xray.segment.Segment;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class OutcomeTest {

    @ParameterizedTest(name = "fault={0} throttle={1} error={2} status={3} -> {4}")
    @CsvSource(nullValues = "-", value = {
            "false,false,false,-,OK",
            "false,false,false,200,OK",
            "false,false,false,302,OK",
            "false,false,false,404,ERROR",
            "false,false,false,400,ERROR",
            "false,false,false,429,THROTTLE",
            "false,false,false,500,FAULT",
            "false,false,false,503,FAULT",
            "false,false,true,200,ERROR",
            "false,true,true,429,THROTTLE",
            "false,true,false,-,THROTTLE",
            "true,false,false,200,FAULT",
            "true,true,true,429,FAULT",
            "true,false,false,400,FAULT",
            "false,false,true,500,FAULT"})
    void flagOrStatusWithFaultBeforeThrottleBeforeError(boolean fault, boolean throttle, boolean error,
                                                               Integer status, Outcome expected) {
        assertThat(Outcome.of(fault, throttle, error, status)).isEqualTo(expected);
        Segment s = Segment.builder().id("0000000000000001").name("s").startTime(1).endTime(2)
                .fault(fault).throttle(throttle).error(error)
                .http(status == null ? null : Http.of(null, Http.Response.of(status))).build();
        assertThat(Outcome.of(s)).isEqualTo(expected);
        assertThat(Outcome.isOk(s)).isEqualTo(expected == Outcome.OK);
        assertThat(Outcome.isFault(s)).isEqualTo(expected == Outcome.FAULT);
        assertThat(Outcome.isThrottle(s)).isEqualTo(throttle || (status != null && status == 429));
    }

    @Test
    void errorIncludesThrottlesAndFlaggedFaultsWithA4xxStatus() {
        Segment throttled = Segment.builder().id("0000000000000001").name("s").startTime(1).endTime(2)
                .http(Http.of(null, Http.Response.of(429))).build();
        assertThat(Outcome.isError(throttled)).isTrue();
        Segment dynamoFault = Segment.builder().id("0000000000000001").name("s").startTime(1).endTime(2)
                .fault(true).http(Http.of(null, Http.Response.of(400))).build();
        assertThat(Outcome.isError(dynamoFault)).isTrue();
        assertThat(Outcome.isFault(dynamoFault)).isTrue();
        assertThat(Outcome.of(dynamoFault)).isEqualTo(Outcome.FAULT);
    }
}

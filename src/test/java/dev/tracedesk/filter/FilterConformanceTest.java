package dev.tracedesk.filter;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tracedesk.xray.ShopTraces;
import dev.tracedesk.xray.trace.Trace;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The conformance table: each expression with the shop traces (k of {@link ShopTraces}) it must match. The expected
 * sets were worked out by hand from spec §9 (and §2.2, §3, §6) and the fixture's documentation, not by running the
 * code. Reminders used while reasoning:
 * <ul>
 *   <li>roots: the api stage for k 0–8, the unittest Lambda service segment (status 200, no fault flag) for 9–10, the
 *       load generator (no http block) for 11–12;</li>
 *   <li>response times 0.44 .10 .10 .46 .12 .10 .05 .01 .20 .90 .10 .13 .04; durations 0.60 .26 .26 .62 .28 .26 .05
 *       .01 .20 .90 .10 .27 .04 (k = 0..12);</li>
 *   <li>inferred nodes: SNS topics (k 0–5, 11), table AMIS-shop (0–4, 11), the missing unittest table (9, 10);</li>
 *   <li>root causes are those of the xray TraceSummary (§2.2 approximation as implemented there): entities with
 *       namespace aws/remote are Remote; an entity calling an inferred node is followed by that inferred service;
 *       the response-time path follows the slowest child that ends within its parent, so it never enters decrypt /
 *       update_db (their SNS hops outlive the publish).</li>
 * </ul>
 */
class FilterConformanceTest {
    private static final FilterOptions OPTIONS = FilterOptions.DEFAULT.withGroups(new FilterOptions.GroupResolver() {
        @Override
        public String expressionByName(String name) {
            return Map.of("slow", "responsetime > 0.4", "all", "").get(name);
        }

        @Override
        public String expressionByArn(String arn) {
            return arn.equals("arn:aws:xray:eu-west-1:123456789012:group/errors/ABC") ? "error OR fault" : null;
        }
    });

    private static List<TraceFacts> plain;
    private static List<TraceFacts> pooled;

    @BeforeAll
    static void buildFacts() {
        plain = new ArrayList<>();
        pooled = new ArrayList<>();
        TraceFactsBuilder builder = new TraceFactsBuilder();
        for (Trace t : ShopTraces.all()) {
            plain.add(TraceFacts.of(t));
            pooled.add(builder.build(t));
        }
    }

    @ParameterizedTest(name = "[{index}] {0}  ->  {1}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
            ok                                                                  | 0 1 2 3 4 5 9 10 11 12
            !ok                                                                 | 6 7 8
            ok != true                                                          | 6 7 8
            error                                                               | 6 7
            error AND !throttle                                                 | 6
            throttle                                                            | 7
            fault                                                               | 8
            fault = false                                                       | 0 1 2 3 4 5 6 7 9 10 11 12
            partial                                                             | 5
            inferred                                                            | 0 1 2 3 4 5 9 10 11
            !inferred                                                           | 6 7 8 12
            inferred AND fault                                                  | -
            ok !partial duration < 0.265                                        | 1 2 10 12
            NOT ok and not fault                                                | 6 7
            responsetime > 0.4                                                  | 0 3 9
            RESPONSETIME > 0.4                                                  | 0 3 9
            responsetime >= 0.4 AND responsetime <= 1.2                         | 0 3 9
            responsetime < 0.045                                                | 7 12
            duration > 0.5                                                      | 0 3 9
            duration >= 0.25 AND duration < 0.3                                 | 1 2 4 5 11
            http.status = 200                                                   | 0 1 2 3 4 5 9 10
            http.status = 404                                                   | -
            http.status >= 400                                                  | 6 7 8
            http.status != 200                                                  | 6 7 8
            `http.method = "POST"`                                              | 0 1 2 3 4 5 6 7 8
            `http.method = "post"`                                              | -
            `http.url CONTAINS "/prod/shop"`                                    | 0 1 2 3 4 5 6 7 8
            `http.url BEGINSWITH "https://abc123.execute-api"`                  | 0 1 2 3 4 5 6 7 8
            `http.useragent ENDSWITH "/1.0"`                                    | 0 1 2 3 4 5 6 7 8
            `http.clientip = "198.51.100.13"`                                   | 3
            `http.clientip != "198.51.100.13"`                                  | 0 1 2 4 5 6 7 8
            http.url                                                            | 0 1 2 3 4 5 6 7 8
            !http.url                                                           | 9 10 11 12
            `user = "alice"`                                                    | 11
            `user CONTAINS ""`                                                  | 11 12
            `user != "alice"`                                                   | 12
            `availabilityzone = "eu-west-1a"`                                   | 11 12
            `instance.id = "i-0abc1234def567890" OR availabilityzone = "eu-west-1b"` | 11 12
            `resource.arn = "arn:aws:lambda:eu-west-1:123456789012:function:AMIS_unittest_object_under_test_update_db"` | 9 10
            `resource.arn ENDSWITH ":function:AMIS_shop_decrypt"`               | 0 1 2 3 4 5 11
            `account.id = "123456789012"`                                       | 0 1 2 3 4 5 6 8 9 10 11
            annotation.express = true                                           | 0 2 4 6 8
            annotation.express = false                                          | 1 3 5 11
            annotation.amount > 15                                              | 5 6 8 11
            annotation.items = 3                                                | 0 1 2 3 4 11
            !annotation.items                                                   | 5 6 7 8 9 10 12
            `annotation.run_id BEGINSWITH "r-1"`                                | 11 12
            `annotation.order_id = "o-1003"`                                    | 3
            `annotation.order_id != "o-1003"`                                   | 0 1 2 4 5 6 8 11
            annotation.warmup                                                   | 11 12
            annotation.warmup != true                                           | 11 12
            `annotation.amount CONTAINS "1"`                                    | -
            `annotation.concurrency >= 4 AND user = "bob"`                      | 12
            `service("AMIS_shop_decrypt")`                                      | 0 1 2 3 4 5 11
            `!service("AMIS_shop_decrypt")`                                     | 6 7 8 9 10 12
            `service("AMIS_shop_decrypt") { fault }`                            | -
            `responsetime > 0.4 AND service("AMIS_shop_decrypt") { fault }`     | -
            `service(id(name: "AMIS_shop_accept", type: "AWS::Lambda::Function")) { fault }` | 8
            `service("AMIS_shop_accept") { responsetime > 0.3 }`                | 0 3
            `service(id(type: "AWS::DynamoDB::Table"))`                         | 0 1 2 3 4 9 10 11
            `service(id(type: "AWS::DynamoDB::Table")) { responsetime > 0.03 }` | 0 1 3 4 9 11
            `service(id(type: "AWS::DynamoDB::Table")) { fault }`               | 9 10
            `service(id(type: "AWS::DynamoDB::Table")) { error }`               | 9 10
            `responsetime > 0.15 AND service(id(type: "AWS::DynamoDB::Table")) { fault }` | 9
            `service() { throttle }`                                            | 7
            `service() { error }`                                               | 6 7 9 10 12
            `service() { ok = false }`                                          | 6 7 8 9 10 12
            `service() { inferred AND fault }`                                  | 9 10
            `service("AMIS_api_gateway/prod") { root }`                         | 0 1 2 3 4 5 6 7 8
            `service("AMIS_api_gateway/prod") { !root }`                        | 11 12
            `service() { root AND http.status = 200 }`                          | 0 1 2 3 4 5 9 10
            `service("AMIS_shop_update_db") { partial }`                        | 5
            `service(id(name: "AMIS_shop_update_db", type: "AWS::Lambda")) { http.status = 202 }` | 0 1 2 3 4 5 11
            `service("AMIS_shop_loadgen") { user = "alice" }`                   | 11
            `service() { instance.id = "i-0abc1234def567890" }`                 | 11 12
            `service(id(type: "AWS::SNS::Topic"))`                              | 0 1 2 3 4 5 11
            `service(id(name: "AMIS_shop_accepted", type: "AWS::SNS::Topic")) { responsetime > 0.3 }` | 3
            `service(id(account.id: "123456789012"))`                           | 0 1 2 3 4 5 6 8 9 10 11
            `service() { name = "AMIS-shop" }`                                  | 0 1 2 3 4 11
            `service() { type BEGINSWITH "AWS::SNS" }`                          | 0 1 2 3 4 5 11
            `service("AMIS_shop_accept") { resource.arn ENDSWITH ":function:AMIS_shop_accept" }` | 0 1 2 3 4 5 6 8 11
            `service(id(name: "AMIS_api_gateway/prod")) { http.clientip BEGINSWITH "198.51.100.2" }` | 11 12
            `service("AMIS_shop_decrypt") OR service("AMIS_unittest_object_under_test_update_db")` | 0 1 2 3 4 5 9 10 11
            `edge("AMIS_api_gateway/prod", "AMIS_shop_accept")`                 | 0 1 2 3 4 5 6 8 11
            `edge("AMIS_api_gateway/prod", "AMIS_shop_accept") { fault }`       | 8
            `edge(id(name: "AMIS_shop_accept", type: "AWS::Lambda"), id(name: "AMIS_shop_accept", type: "AWS::Lambda::Function")) { responsetime > 0.3 }` | 0 3
            `edge("AMIS_shop_update_db", "AMIS-shop")`                          | 0 1 2 3 4 11
            `edge("AMIS_shop_update_db", "AMIS-shop") { responsetime < 0.03 }`  | 2
            `edge("AMIS_shop_loadgen", "AMIS_api_gateway/prod") { error }`      | 12
            `edge("AMIS_shop_loadgen", "AMIS_api_gateway/prod") { http.status = 200 }` | 11
            `edge(id(type: "AWS::SNS::Topic"), "AMIS_shop_decrypt")`            | 0 1 2 3 4 5 11
            `edge("AMIS_shop_decrypt", "AMIS_shop_accept")`                     | -
            `http.url CONTAINS "/prod/shop" AND !service(id(type: "AWS::DynamoDB::Table"))` | 5 6 7 8
            `(fault OR throttle) AND http.method != "GET"`                      | 7 8
            `(ok OR fault) AND http.method = "POST"`                            | 0 1 2 3 4 5 8
            ok OR fault AND error                                               | 0 1 2 3 4 5 9 10 11 12
            `rootcause.fault.service { name = "AMIS_shop_accept" }`             | 8
            `rootcause.fault.service { inferred and type = "AWS::DynamoDB::Table" }` | 9 10
            `rootcause.fault.exception { message CONTAINS "base64" }`           | 8
            `rootcause.fault.exception { last and name = "ResourceNotFoundException" }` | 9 10
            rootcause.fault.entity { remote }                                   | 8 9 10
            `rootcause.error.service { name = "AMIS_api_gateway/prod" }`        | 6 7 12
            `rootcause.error.service { first and name = "AMIS_shop_loadgen" }`  | 12
            `rootcause.error.entity { index = 1 and name = "abc123.execute-api.eu-west-1.amazonaws.com" }` | 12
            `rootcause.responsetime.entity { coverage > 0.8 and name = "SNS" }` | 3
            `rootcause.responsetime.entity { name = "Initialization" and coverage > 0.5 }` | 0
            `rootcause.responsetime.service { name = "AMIS_shop_decrypt" }`     | -
            `rootcause.responsetime.service { last and name = "AMIS_shop_accept" }` | 0 6 8
            `rootcause.responsetime.service { last and inferred }`             | 1 2 3 4 5 9 10 11
            `rootcause.json = #[{"Services":[{"Name":"AMIS_api_gateway/prod"}]}]` | 6 7
            `rootcause.json = #[{"ClientImpacting":false,"Services":[{"Name":"AMIS_unittest_object_under_test_update_db","Type":"AWS::Lambda"},{"Type":"AWS::Lambda::Function"},{"Inferred":true}]}]` | 9 10
            `group.name = "slow"`                                               | 0 3 9
            `group.name = "all" AND fault`                                      | 8
            `group.arn = "arn:aws:xray:eu-west-1:123456789012:group/errors/ABC"` | 6 7 8
            """)
    void matchesExactlyTheTracesTheSpecSays(String expression, String expected) {
        CompiledFilter filter = CompiledFilter.compile(expression, OPTIONS);
        assertThat(matching(filter, plain)).as("%s (TraceFacts.of)", expression).isEqualTo(expected);
        assertThat(matching(filter, pooled)).as("%s (pooled builder)", expression).isEqualTo(expected);
        CompiledFilter reprinted = CompiledFilter.compile(FilterPrinter.print(filter.expression()), OPTIONS);
        assertThat(matching(reprinted, plain)).as("%s reprinted", expression).isEqualTo(expected);
    }

    private static String matching(CompiledFilter filter, List<TraceFacts> facts) {
        TreeSet<Integer> hits = new TreeSet<>();
        for (int k = 0; k < facts.size(); k++) if (filter.matches(facts.get(k))) hits.add(k);
        if (hits.isEmpty()) return "-";
        StringBuilder sb = new StringBuilder();
        for (int k : hits) sb.append(sb.length() == 0 ? "" : " ").append(k);
        return sb.toString();
    }
}

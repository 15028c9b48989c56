package dev.tracedesk.filter;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Well-formed expressions: the trees they parse to and the canonical text they print as. */
class FilterParserTest {

    @Test
    void andBindsTighterThanOrAndNotTighterThanAnd() {
        Expr e = FilterParser.parse("!ok OR fault AND error");
        assertThat(e).isEqualTo(new Expr.Or(
                new Expr.Not(new Expr.BoolTest(BoolKeyword.OK, true)),
                new Expr.And(new Expr.BoolTest(BoolKeyword.FAULT, true), new Expr.BoolTest(BoolKeyword.ERROR, true))));
    }

    @Test
    void juxtapositionMeansAnd() {
        assertThat(FilterParser.parse("ok !partial duration <3"))
                .isEqualTo(FilterParser.parse("ok AND !partial AND duration < 3"));
    }

    @Test
    void keywordsAndOperatorsAreCaseInsensitiveButValuesAndAnnotationKeysAreNot() {
        Expr e = FilterParser.parse("responseTime > 2 and HTTP.URL contains \"/Orders/\" Or annotation.TenantId = \"Acme\"");
        assertThat(FilterPrinter.print(e))
                .isEqualTo("responsetime > 2 AND http.url CONTAINS \"/Orders/\" OR annotation.TenantId = \"Acme\"");
    }

    @Test
    void booleanComparisonsNormaliseToTheExpectedValue() {
        assertThat(FilterParser.parse("ok != true")).isEqualTo(new Expr.BoolTest(BoolKeyword.OK, false));
        assertThat(FilterParser.parse("ok = true")).isEqualTo(new Expr.BoolTest(BoolKeyword.OK, true));
        assertThat(FilterParser.parse("ok != false")).isEqualTo(new Expr.BoolTest(BoolKeyword.OK, true));
        assertThat(FilterPrinter.print(FilterParser.parse("error = false"))).isEqualTo("error = false");
    }

    @Test
    void notWordIsAcceptedButPrintedAsBang() {
        assertThat(FilterPrinter.print(FilterParser.parse("NOT ok and not fault"))).isEqualTo("!ok AND !fault");
    }

    @Test
    void bareWordValueIsAcceptedLenientlyAndPrintedQuoted() {
        assertThat(FilterPrinter.print(FilterParser.parse("service() { name = traces }")))
                .isEqualTo("service() { name = \"traces\" }");
    }

    @Test
    void stringEscapesRoundTrip() {
        Expr e = FilterParser.parse("http.url CONTAINS \"say \\\"hi\\\" C:\\\\dir\"");
        assertThat(((Expr.StringTest) e).value()).isEqualTo("say \"hi\" C:\\dir");
        assertThat(FilterPrinter.print(e)).isEqualTo("http.url CONTAINS \"say \\\"hi\\\" C:\\\\dir\"");
        assertThat(FilterParser.parse(FilterPrinter.print(e))).isEqualTo(e);
    }

    @Test
    void annotationValuesKeepTheirType() {
        assertThat(FilterParser.parse("annotation.retries > 2"))
                .isEqualTo(new Expr.AnnotationTest("retries", Op.GT, new Expr.NumberLiteral(2)));
        assertThat(FilterParser.parse("annotation.cache_hit = false"))
                .isEqualTo(new Expr.AnnotationTest("cache_hit", Op.EQ, new Expr.BoolLiteral(false)));
        assertThat(FilterParser.parse("annotation.tenant = \"acme\""))
                .isEqualTo(new Expr.AnnotationTest("tenant", Op.EQ, new Expr.StringLiteral("acme")));
        assertThat(FilterParser.parse("!annotation.tenant"))
                .isEqualTo(new Expr.Not(new Expr.AnnotationTest("tenant", null, null)));
    }

    @Test
    void serviceAndEdgeReferencesKeepTheirForm() {
        Expr e = FilterParser.parse("service(id(type: \"AWS::DynamoDB::Table\", name: \"t\")) { responsetime > 0.2 }");
        assertThat(e).isEqualTo(new Expr.Service(Expr.NodeRef.id("t", "AWS::DynamoDB::Table", null),
                new Expr.NumberTest(NumberKeyword.RESPONSETIME, Op.GT, 0.2)));
        assertThat(FilterParser.parse("service()")).isEqualTo(new Expr.Service(null, null));
        assertThat(FilterParser.parse("edge(\"a\", id(account.id: \"1\"))"))
                .isEqualTo(new Expr.Edge(Expr.NodeRef.named("a"), Expr.NodeRef.id(null, null, "1"), null));
    }

    @Test
    void rootCauseJsonIsParsedAsJson() {
        Expr e = FilterParser.parse("rootcause.json = #[ {\"Services\": [ {\"Name\": \"cart-api\", \"Inferred\": false} ] } ]");
        assertThat(FilterPrinter.print(e))
                .isEqualTo("rootcause.json = #[{\"Services\":[{\"Name\":\"cart-api\",\"Inferred\":false}]}]");
    }

    /** Every example of spec §9.4 (row 5 in its recommended form) parses, and its canonical text is stable. */
    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
            responsetime > 2.5                                        | responsetime > 2.5
            duration >= 1 AND duration < 3                            | duration >= 1 AND duration < 3
            fault                                                     | fault
            !ok                                                       | !ok
            error AND !throttle                                       | error AND !throttle
            http.status = 404                                         | http.status = 404
            `http.method = "DELETE" AND http.url CONTAINS "/orders/"` | `http.method = "DELETE" AND http.url CONTAINS "/orders/"`
            `http.url BEGINSWITH "https://shop.example.net/api/v2/"`  | `http.url BEGINSWITH "https://shop.example.net/api/v2/"`
            `http.useragent CONTAINS "okhttp"`                        | `http.useragent CONTAINS "okhttp"`
            `http.clientip = "198.51.100.7"`                          | `http.clientip = "198.51.100.7"`
            `user = "u-1842"`                                         | `user = "u-1842"`
            `user CONTAINS ""`                                        | `user CONTAINS ""`
            `annotation.tenant = "acme"`                              | `annotation.tenant = "acme"`
            annotation.retries > 2                                    | annotation.retries > 2
            annotation.cache_hit = false                              | annotation.cache_hit = false
            !annotation.tenant                                        | !annotation.tenant
            `service("cart-api")`                                     | `service("cart-api")`
            `service("cart-api") { fault OR responsetime > 1 }`       | `service("cart-api") { fault OR responsetime > 1 }`
            service() { throttle }                                    | service() { throttle }
            `service(id(name: "cart-fn", type: "AWS::Lambda::Function")) { error }` | `service(id(name: "cart-fn", type: "AWS::Lambda::Function")) { error }`
            `service(id(type: "AWS::DynamoDB::Table")) { responsetime > 0.2 }` | `service(id(type: "AWS::DynamoDB::Table")) { responsetime > 0.2 }`
            `edge("cart-api", "payments.example.org") { fault }`      | `edge("cart-api", "payments.example.org") { fault }`
            `edge(id(name: "shop/prod", type: "AWS::ApiGateway::Stage"), id(name: "cart-fn", type: "AWS::Lambda")) { responsetime > 3 }` | `edge(id(name: "shop/prod", type: "AWS::ApiGateway::Stage"), id(name: "cart-fn", type: "AWS::Lambda")) { responsetime > 3 }`
            `http.url CONTAINS "/checkout" AND !service("payments.example.org")` | `http.url CONTAINS "/checkout" AND !service("payments.example.org")`
            ok !partial duration < 0.5                                | ok AND !partial AND duration < 0.5
            partial                                                   | partial
            inferred AND fault                                        | inferred AND fault
            `resource.arn = "arn:aws:lambda:eu-west-1:123456789012:function:cart-fn"` | `resource.arn = "arn:aws:lambda:eu-west-1:123456789012:function:cart-fn"`
            `instance.id = "i-0abc123def4567890" OR availabilityzone = "eu-west-1b"` | `instance.id = "i-0abc123def4567890" OR availabilityzone = "eu-west-1b"`
            `group.name = "slow-checkout" AND user = "u-1842"`        | `group.name = "slow-checkout" AND user = "u-1842"`
            `rootcause.fault.service { name = "payments.example.org" }` | `rootcause.fault.service { name = "payments.example.org" }`
            `rootcause.fault.exception { last and message CONTAINS "timeout" }` | `rootcause.fault.exception { last AND message CONTAINS "timeout" }`
            rootcause.error.entity { remote }                         | rootcause.error.entity { remote }
            `rootcause.responsetime.entity { coverage > 0.7 and name = "DynamoDB" }` | `rootcause.responsetime.entity { coverage > 0.7 AND name = "DynamoDB" }`
            `rootcause.fault.service { inferred and type = "AWS::DynamoDB::Table" }` | `rootcause.fault.service { inferred AND type = "AWS::DynamoDB::Table" }`
            `rootcause.json = #[{"Services":[{"Name":"cart-api","EntityPath":[{"Name":"cart-api"},{"Name":"loadCart"}]}]}]` | `rootcause.json = #[{"Services":[{"Name":"cart-api","EntityPath":[{"Name":"cart-api"},{"Name":"loadCart"}]}]}]`
            `service(id(account.id: "210987654321"))`                 | `service(id(account.id: "210987654321"))`
            `(fault OR throttle) AND http.method != "GET"`            | `(fault OR throttle) AND http.method != "GET"`
            """)
    void specExamplesParseToStableCanonicalText(String expression, String canonical) {
        Expr e = FilterParser.parse(expression);
        assertThat(FilterPrinter.print(e)).isEqualTo(canonical);
        assertThat(FilterParser.parse(canonical)).isEqualTo(e);
    }

    @Test
    void printerParenthesisesOnlyWhereTheTreeNeedsIt() {
        Expr a = new Expr.BoolTest(BoolKeyword.OK, true);
        Expr b = new Expr.BoolTest(BoolKeyword.FAULT, true);
        Expr c = new Expr.BoolTest(BoolKeyword.ERROR, true);
        assertThat(FilterPrinter.print(new Expr.And(a, new Expr.And(b, c)))).isEqualTo("ok AND (fault AND error)");
        assertThat(FilterPrinter.print(new Expr.And(new Expr.And(a, b), c))).isEqualTo("ok AND fault AND error");
        assertThat(FilterPrinter.print(new Expr.And(new Expr.Or(a, b), c))).isEqualTo("(ok OR fault) AND error");
        assertThat(FilterPrinter.print(new Expr.Or(a, new Expr.And(b, c)))).isEqualTo("ok OR fault AND error");
        assertThat(FilterPrinter.print(new Expr.Not(new Expr.NumberTest(NumberKeyword.DURATION, Op.GT, 1))))
                .isEqualTo("!(duration > 1)");
        assertThat(FilterPrinter.print(new Expr.Not(new Expr.Not(a)))).isEqualTo("!!ok");
    }

    @Test
    void numbersPrintInShortestForm() {
        assertThat(FilterPrinter.print(FilterParser.parse("duration > 1.50"))).isEqualTo("duration > 1.5");
        assertThat(FilterPrinter.print(FilterParser.parse("duration > 2e3"))).isEqualTo("duration > 2000");
        assertThat(FilterPrinter.print(FilterParser.parse("duration > -0"))).isEqualTo("duration > 0");
        assertThat(FilterPrinter.print(FilterParser.parse("duration > .25"))).isEqualTo("duration > 0.25");
        assertThat(FilterPrinter.print(FilterParser.parse("duration > 1e-9"))).isEqualTo("duration > 1E-9");
    }
}

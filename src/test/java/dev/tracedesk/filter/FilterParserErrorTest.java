package dev.tracedesk.filter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Malformed expressions: each must fail with the position (and length) to underline and a message saying what was expected. */
class FilterParserErrorTest {

    @ParameterizedTest(name = "[{index}] {0}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
            `   `                                            |  3 | 0 | expected a filter expression
            `responsetime > `                                | 15 | 0 | expected a number after '>'
            responsetime                                     | 12 | 0 | expected an operator (=, !=, <, <=, >, >=) after 'responsetime'
            responsetime CONTAINS "x"                        | 13 | 8 | operator 'CONTAINS' does not apply to number keyword 'responsetime'
            http.url > "a"                                   |  9 | 1 | operator '>' does not apply to string keyword 'http.url'
            http.url = 5                                     | 11 | 1 | expected a string in double quotes after '='
            ok = 1                                           |  5 | 1 | expected true or false after '='
            ok = maybe                                       |  5 | 5 | expected true or false after '='
            fault > true                                     |  6 | 1 | operator '>' does not apply to boolean keyword 'fault': use = or !=
            foo = 1                                          |  0 | 3 | unknown keyword 'foo'
            ok AND                                           |  6 | 0 | expected an expression after 'AND'
            ok OR OR fault                                   |  6 | 2 | expected an expression after 'OR' but found 'OR'
            (ok                                              |  3 | 0 | expected ')' but found end of expression
            ok)                                              |  2 | 1 | unbalanced ')': no '(' to close
            duration < 3 }                                   | 13 | 1 | unbalanced '}': no '{' to close
            !                                                |  1 | 0 | expected an expression after '!'
            http.url = "abc                                  | 11 | 4 | unterminated string
            responsetime > 1 $                               | 17 | 1 | unexpected character '$'
            responsetime == 1                                | 13 | 2 | '==' is not an operator: use '='
            responsetime > 1.2.3                             | 15 | 5 | malformed number '1.2.3'
            `http.url = "a" "b"`                             | 15 | 3 | expected AND, OR or the end of the expression but found string "b"
            `service("a" { fault }`                          | 12 | 1 | expected ')' after '"a"' but found '{'
            service(a)                                       |  8 | 1 | expected a node name in double quotes or id(...) but found 'a'
            `service(id(nam: "x"))`                          | 11 | 3 | expected an id() argument (name:, type: or account.id:) but found 'nam'
            `service(id(name "x"))`                          | 16 | 3 | expected ':' after 'name' but found string "x"
            `service(id(name: "a", name: "b"))`              | 22 | 4 | duplicate id() argument 'name'
            `edge("a")`                                      |  8 | 1 | expected ',' and the destination node of edge() but found ')'
            `service("a") { }`                               | 15 | 1 | expected an expression inside '{ }'
            `service("a") { fault `                          | 21 | 0 | expected '}' but found end of expression
            `service("a") { annotation.x = 1 }`              | 15 | 12 | annotation.KEY is not available inside a service() body (annotations cannot be combined with service() or edge() bodies)
            `service() { service("b") }`                     | 12 | 7 | service() is not available inside a service() body
            `edge("a", "b") { root }`                        | 17 | 4 | 'root' is not available inside an edge() body
            first                                            |  0 | 5 | 'first' is not available at trace level
            root                                             |  0 | 4 | 'root' is not available at trace level
            rootcause.fault.entity { coverage > 0.5 }        | 25 | 8 | 'coverage' is not available inside a rootcause.fault.entity body
            `rootcause.responsetime.exception { name = "x" }` |  0 | 32 | unknown keyword 'rootcause.responsetime.exception': expected rootcause.responsetime.service or rootcause.responsetime.entity
            `rootcause.fault { name = "x" }`                 |  0 | 15 | unknown keyword 'rootcause.fault': expected rootcause.fault.service, .entity or .exception
            `rootcause.fault.service name = "x"`             | 24 | 4 | expected '{' after 'rootcause.fault.service'
            `rootcause.json = {"a":1}`                       | 17 | 1 | expected '#[' and a JSON root-cause list after '='
            `rootcause.json = #[{"Services" 1}]`             | 31 | 1 | invalid JSON: expected ':' after a member name
            `rootcause.json = #[{"Foo":1}]`                  | 17 | 12 | invalid root-cause pattern: unknown rootcause field "Foo"
            `rootcause.json = #[{"Services":[{"Inferred":"yes"}]}]` | 17 | 36 | invalid root-cause pattern: wrong JSON type for "Inferred"
            `rootcause.json = #[{"Services":[]}`             | 17 | 17 | unterminated '#[' JSON: expected a closing ']'
            annotation. = 1                                  | 11 | 0 | expected an annotation key (letters, digits, _) after 'annotation.'
            annotation.x CONTAINS 5                          | 13 | 8 | operator 'CONTAINS' does not apply to a number
            annotation.x > "a"                               | 13 | 1 | operator '>' does not apply to a string
            `annotation.x = `                                | 15 | 0 | expected a number, a string in double quotes, true or false after '='
            `group.name != "g"`                              | 11 | 2 | expected '=' after 'group.name'
            # [                                              |  0 | 1 | expected '[' after '#'
            responsetime > 1e400                             | 15 | 5 | number out of range
            """)
    void malformedExpressionSaysWhereAndWhat(String expression, int position, int length, String reason) {
        FilterSyntaxException e = catchThrowableOfType(FilterSyntaxException.class, () -> FilterParser.parse(expression));
        assertThat(e).as("parse(%s) must fail", expression).isNotNull();
        assertThat(e.reason()).isEqualTo(reason);
        assertThat(e.position()).isEqualTo(position);
        assertThat(e.length()).isEqualTo(length);
        assertThat(e.getMessage()).isEqualTo(reason + " at " + position);
    }

    @Test
    void messageNamesThePositionLikeTheServiceDoes() {
        assertThatThrownBy(() -> FilterParser.parse("responsetime > "))
                .isInstanceOf(FilterSyntaxException.class)
                .hasMessage("expected a number after '>' at 15");
    }

    @Test
    void nullIsAnErrorNotAnException() {
        assertThatThrownBy(() -> FilterParser.parse(null))
                .isInstanceOf(FilterSyntaxException.class)
                .hasMessage("expected a filter expression at 0");
    }
}

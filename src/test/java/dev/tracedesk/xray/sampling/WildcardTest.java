package dev.tracedesk.xray.sampling;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Cases from the X-Ray SDKs' SearchPattern / search_pattern tests (spec §8.2). */
class WildcardTest {

    @ParameterizedTest(name = "''{0}'' matches ''{1}'': {2}")
    @CsvSource(delimiter = '|', nullValues = "NULL", textBlock = """
            *            | foo                    | true
            *            | ''                     | true
            *            | NULL                   | true
            ''           | ''                     | true
            ''           | a                      | false
            ?            | a                      | true
            ?            | ''                     | false
            ?            | ab                     | false
            ??           | ab                     | true
            a*           | a                      | true
            a*           | abc                    | true
            *c           | abc                    | true
            a*c          | abbbbc                 | true
            a*c          | abbbbd                 | false
            a?c          | abc                    | true
            a?c          | ac                     | false
            *a*b*        | xxaxxbxx               | true
            *a*b*        | xxbxxaxx               | false
            FOO          | foo                    | true
            /prod/sho?   | /PROD/SHOP             | true
            /prod/sho?   | /prod/shops            | false
            amis_*/PROD  | AMIS_api_gateway/prod  | true
            *.example.com| api.example.com        | true
            *.example.com| example.com            | false
            GET          | NULL                   | false
            **           | ''                     | true
            a**b         | ab                     | true
            """)
    void matchesLikeTheSdks(String pattern, String value, boolean expected) {
        assertThat(Wildcard.matches(pattern, value)).isEqualTo(expected);
    }
}

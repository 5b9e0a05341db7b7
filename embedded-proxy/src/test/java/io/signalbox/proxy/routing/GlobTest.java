package io.signalbox.proxy.routing;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class GlobTest {

    @ParameterizedTest(name = "''{0}'' vs ''{1}'' -> {2}")
    @CsvSource({
        "*,             '',                          true",
        "*,             anything/at/all,             true",
        "**,            '',                          true",
        "?,             '',                          false",
        "?,             a,                           true",
        "?,             ab,                          false",
        "'',            '',                          true",
        "'',            a,                           false",
        "claude-*,      claude-3-5-sonnet,           true",
        "claude-*,      claude-,                     true",
        "claude-*,      claude,                      false",
        "claude-*,      Claude-3,                    false",
        "claude-*,      anthropic/claude-3,          false",
        "*/claude-*,    anthropic/claude-3,          true",
        "*claude*,      anthropic/claude-3-opus,     true",
        "gpt-4.1,       gpt-4.1,                     true",
        "gpt-4.1,       gpt-441,                     false",
        "gpt-4.?,       gpt-4.1,                     true",
        "gpt-4.?,       gpt-4.10,                    false",
        "gpt-?o,        gpt-4o,                      true",
        "llama(3)*,     llama(3)-70b,                true",
        "llama(3)*,     llama3-70b,                  false",
        "a+b*,          a+b-c,                       true",
        "a+b*,          aab,                         false",
        "[ab]*,         a-model,                     false",
        "[ab]*,         [ab]-model,                  true",
        "\\d*,          7b,                          false",
        "*-mini,        gpt-4o-mini,                 true",
        "*-mini,        gpt-4o-mini-2024,            false",
        "*a*b*c,        xxaxxbxxcxxc,                true",
        "*a*b*c,        xxaxxbxxcxxd,                false",
        "a*a*a*a*b,     aaaaaaaaaaaaaaaaaaaaaaaaaa,  false",
        "?-*,           é-model,                     true",
        "?-*,           \uD83D\uDE00-model,          true"
    })
    void matchesWholeName(String glob, String text, boolean expected) {
        assertThat(Glob.matches(glob, text)).isEqualTo(expected);
    }
}

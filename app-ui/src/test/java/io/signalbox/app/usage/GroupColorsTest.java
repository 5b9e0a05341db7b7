package io.signalbox.app.usage;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class GroupColorsTest {

    @Test
    void aGroupKeepsItsColourWhenTheRankingChanges() {
        GroupColors colors = new GroupColors(8);
        colors.assign(List.of("chat", "code", "embed"));
        int chat = colors.of("chat");
        int code = colors.of("code");

        colors.assign(List.of("code", "embed", "chat")); // code overtook chat

        assertThat(colors.of("chat")).isEqualTo(chat);
        assertThat(colors.of("code")).isEqualTo(code);
    }

    @Test
    void aNewGroupTakesTheFirstFreeColourAndOtherHasNone() {
        GroupColors colors = new GroupColors(8);
        colors.assign(List.of("a", "b", "c"));
        colors.assign(List.of("a", "c", "d", UsageFrame.OTHER)); // b left, d arrived

        assertThat(colors.of("a")).isEqualTo(0);
        assertThat(colors.of("c")).isEqualTo(2);
        assertThat(colors.of("d")).isEqualTo(1);
        assertThat(colors.of("b")).isEqualTo(GroupColors.OTHER);
        assertThat(colors.of(UsageFrame.OTHER)).isEqualTo(GroupColors.OTHER);
    }
}

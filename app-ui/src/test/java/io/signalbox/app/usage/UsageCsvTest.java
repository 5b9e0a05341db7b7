package io.signalbox.app.usage;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class UsageCsvTest {

    @Test
    void textCellsAreQuotedAndFormulasDefused() {
        assertThat(UsageCsv.cell("chat")).isEqualTo("chat");
        assertThat(UsageCsv.cell("a,b")).isEqualTo("\"a,b\"");
        assertThat(UsageCsv.cell("say \"hi\"")).isEqualTo("\"say \"\"hi\"\"\"");
        assertThat(UsageCsv.cell("=HYPERLINK(\"x\")")).isEqualTo("\"'=HYPERLINK(\"\"x\"\")\"");
        assertThat(UsageCsv.cell("+1")).isEqualTo("'+1");
        assertThat(UsageCsv.cell("@sum")).isEqualTo("'@sum");
        assertThat(UsageCsv.cell("-")).isEqualTo("'-");
    }
}

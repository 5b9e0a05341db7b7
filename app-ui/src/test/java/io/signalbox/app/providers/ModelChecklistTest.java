package io.signalbox.app.providers;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class ModelChecklistTest {

    private final ModelChecklist checklist = new ModelChecklist();

    @Test
    void showsTheLastDiscoveryWithTheSelectionChecked() {
        checklist.show(List.of("b", "a", "c"), List.of("c", "gone"));

        assertThat(checklist.rows())
                .extracting(ModelRow::id)
                .containsExactly("a", "b", "c", "gone");
        assertThat(checklist.checkedModels()).containsExactly("c", "gone");
        assertThat(mark("gone")).isEqualTo(ModelRow.Mark.GONE);
        assertThat(mark("a")).isEqualTo(ModelRow.Mark.NONE);
        assertThat(checklist.summaryProperty().get()).isEqualTo("2 of 4 selected");
    }

    @Test
    void withoutAnyDiscoveryTheSelectionIsShownUnmarked() {
        checklist.show(List.of(), List.of("qwen"));

        assertThat(mark("qwen")).isEqualTo(ModelRow.Mark.NONE);
        assertThat(checklist.checkedModels()).containsExactly("qwen");
    }

    @Test
    void aDiscoveryKeepsTheChecksAndMarksWhatWasAddedAndWhatWentAway() {
        checklist.show(List.of("a", "b", "old"), List.of("a"));
        row("b").checkedProperty().set(true);

        checklist.showDiscovered(List.of("a", "b", "new"), List.of("new"), List.of("old"));

        assertThat(checklist.rows())
                .extracting(ModelRow::id)
                .containsExactly("a", "b", "new", "old");
        assertThat(checklist.checkedModels()).containsExactly("a", "b");
        assertThat(mark("new")).isEqualTo(ModelRow.Mark.ADDED);
        assertThat(mark("old")).isEqualTo(ModelRow.Mark.GONE);
        assertThat(mark("a")).isEqualTo(ModelRow.Mark.NONE);
    }

    @Test
    void aCheckedModelTheProviderNoLongerListsStaysCheckedAndMarked() {
        checklist.show(List.of(), List.of("retired"));

        checklist.showDiscovered(List.of("current"), List.of(), List.of());

        assertThat(checklist.checkedModels()).containsExactly("retired");
        assertThat(mark("retired")).isEqualTo(ModelRow.Mark.GONE);
    }

    @Test
    void theFilterMatchesEveryWordInAnyCaseAndSelectsOnlyWhatItShows() {
        checklist.show(
                List.of("openai/gpt-4o", "openai/gpt-4o-mini", "meta-llama/llama-3.1-8b"),
                List.of());

        checklist.filterProperty().set("MINI  gpt");
        assertThat(checklist.shown())
                .extracting(ModelRow::id)
                .containsExactly("openai/gpt-4o-mini");
        checklist.setAllShown(true);
        assertThat(checklist.summaryProperty().get()).isEqualTo("1 of 3 selected · 1 shown");

        checklist.filterProperty().set("");
        assertThat(checklist.shown()).hasSize(3);
        assertThat(checklist.checkedModels()).containsExactly("openai/gpt-4o-mini");
    }

    @Test
    void aSavedSelectionComesBackWithoutLosingTheMarks() {
        checklist.show(List.of("a", "b"), List.of());
        checklist.showDiscovered(List.of("a", "b", "c"), List.of("c"), List.of());

        checklist.applySelection(List.of("c", "z"));

        assertThat(checklist.checkedModels()).containsExactly("c", "z");
        assertThat(mark("c")).isEqualTo(ModelRow.Mark.ADDED);
        assertThat(mark("z")).isEqualTo(ModelRow.Mark.GONE);
    }

    @Test
    void checkingAModelIsAChangeOfTheList() {
        checklist.show(List.of("a"), List.of());
        int[] changes = {0};
        checklist
                .rows()
                .addListener((javafx.collections.ListChangeListener<ModelRow>) c -> changes[0]++);

        row("a").checkedProperty().set(true);

        assertThat(changes[0]).isEqualTo(1);
        assertThat(checklist.checkedCountProperty().get()).isEqualTo(1);
    }

    private ModelRow row(String id) {
        return checklist.rows().stream().filter(r -> r.id().equals(id)).findFirst().orElseThrow();
    }

    private ModelRow.Mark mark(String id) {
        return row(id).mark();
    }
}

package io.signalbox.app.providers;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Predicate;
import javafx.beans.Observable;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.IntegerBinding;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.collections.transformation.FilteredList;

/**
 * A provider's models as a searchable checklist: every model it listed, the selected ones checked,
 * and the ones added or gone since the discovery before marked.
 */
public final class ModelChecklist {

    /** The extractor makes a check change a list change, so counts and "unsaved" follow it. */
    private final ObservableList<ModelRow> rows =
            FXCollections.observableArrayList(row -> new Observable[] {row.checkedProperty()});

    /**
     * One read-only view, kept: each call of {@code unmodifiableObservableList} makes a new one
     * that listens weakly to {@link #rows}, so listeners added to a throwaway view stop hearing
     * changes at the next garbage collection.
     */
    private final ObservableList<ModelRow> readOnlyRows =
            FXCollections.unmodifiableObservableList(rows);

    private final FilteredList<ModelRow> shown = new FilteredList<>(rows);
    private final StringProperty filter = new SimpleStringProperty("");
    private final IntegerBinding checkedCount =
            Bindings.createIntegerBinding(
                    () -> (int) rows.stream().filter(ModelRow::checked).count(), rows);
    private final StringBinding summary = Bindings.createStringBinding(this::describe, rows, shown);

    public ModelChecklist() {
        filter.addListener((obs, old, text) -> shown.setPredicate(matching(text)));
    }

    /**
     * Shows the models known without asking the provider: the last discovery's list (or none) and
     * the {@code selected} ones, checked; a selected model the list lacks is marked gone.
     */
    void show(List<String> lastDiscovered, List<String> selected) {
        Map<String, ModelRow> next = new TreeMap<>();
        for (String id : lastDiscovered) {
            next.put(id, new ModelRow(id, ModelRow.Mark.NONE, selected.contains(id)));
        }
        for (String id : selected) {
            if (!next.containsKey(id)) {
                ModelRow.Mark mark =
                        lastDiscovered.isEmpty() ? ModelRow.Mark.NONE : ModelRow.Mark.GONE;
                next.put(id, new ModelRow(id, mark, true));
            }
        }
        rows.setAll(next.values());
    }

    /**
     * Shows what a discovery found, keeping the checks made so far: {@code added} models are marked
     * new, {@code gone} ones and checked ones the provider no longer lists are marked gone.
     */
    void showDiscovered(List<String> models, List<String> added, List<String> gone) {
        Set<String> checked = new LinkedHashSet<>(checkedModels());
        Set<String> isNew = Set.copyOf(added);
        Map<String, ModelRow> next = new TreeMap<>();
        for (String id : models) {
            ModelRow.Mark mark = isNew.contains(id) ? ModelRow.Mark.ADDED : ModelRow.Mark.NONE;
            next.put(id, new ModelRow(id, mark, checked.contains(id)));
        }
        Set<String> missing = new LinkedHashSet<>(gone);
        missing.addAll(checked);
        for (String id : missing) {
            next.putIfAbsent(id, new ModelRow(id, ModelRow.Mark.GONE, checked.contains(id)));
        }
        rows.setAll(next.values());
    }

    /** The checked models, in list order: what the provider's selection becomes on save. */
    public List<String> checkedModels() {
        List<String> checked = new ArrayList<>();
        for (ModelRow row : rows) {
            if (row.checked()) {
                checked.add(row.id());
            }
        }
        return checked;
    }

    /** Checks or clears every model the filter shows; hidden ones keep their state. */
    public void setAllShown(boolean checked) {
        new ArrayList<>(shown).forEach(row -> row.checkedProperty().set(checked));
    }

    /**
     * Checks exactly the {@code selected} models, keeping the list and its marks (a saved selection
     * comes back this way); selected models missing from the list are added.
     */
    void applySelection(Collection<String> selected) {
        Set<String> listed = new LinkedHashSet<>();
        for (ModelRow row : rows) {
            row.checkedProperty().set(selected.contains(row.id()));
            listed.add(row.id());
        }
        List<String> missing = selected.stream().filter(id -> !listed.contains(id)).toList();
        if (!missing.isEmpty()) {
            ModelRow.Mark mark = rows.isEmpty() ? ModelRow.Mark.NONE : ModelRow.Mark.GONE;
            Map<String, ModelRow> next = new TreeMap<>();
            rows.forEach(row -> next.put(row.id(), row));
            missing.forEach(id -> next.put(id, new ModelRow(id, mark, true)));
            rows.setAll(next.values());
        }
    }

    public ObservableList<ModelRow> rows() {
        return readOnlyRows;
    }

    /** The rows the filter lets through. */
    public ObservableList<ModelRow> shown() {
        return shown;
    }

    /** Words that must all appear in a model id, in any case and order. */
    public StringProperty filterProperty() {
        return filter;
    }

    public IntegerBinding checkedCountProperty() {
        return checkedCount;
    }

    /** "2 of 14 selected", and how many the filter shows when it hides some. */
    public StringBinding summaryProperty() {
        return summary;
    }

    private String describe() {
        if (rows.isEmpty()) {
            return "No models yet: press Discover models.";
        }
        String selected = checkedCount.get() + " of " + rows.size() + " selected";
        return shown.size() == rows.size() ? selected : selected + " · " + shown.size() + " shown";
    }

    private static Predicate<ModelRow> matching(String text) {
        List<String> words =
                Arrays.stream((text == null ? "" : text).toLowerCase(Locale.ROOT).split("\\s+"))
                        .filter(word -> !word.isEmpty())
                        .toList();
        if (words.isEmpty()) {
            return null;
        }
        return row -> {
            String id = row.id().toLowerCase(Locale.ROOT);
            return words.stream().allMatch(id::contains);
        };
    }
}

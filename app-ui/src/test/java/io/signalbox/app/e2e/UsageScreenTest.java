package io.signalbox.app.e2e;

import static io.signalbox.app.e2e.ProxyCalls.chat;
import static io.signalbox.app.e2e.ProxyCalls.waitUntil;
import static org.assertj.core.api.Assertions.assertThat;

import io.signalbox.app.runtime.SignalboxRuntime;
import io.signalbox.app.shell.SignalboxApp;
import io.signalbox.app.ui.FxWait;
import io.signalbox.app.ui.RunningApp;
import io.signalbox.app.usage.GroupRow;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javafx.scene.Node;
import javafx.scene.chart.StackedBarChart;
import javafx.scene.chart.XYChart;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.control.TextInputControl;
import javafx.scene.input.Clipboard;
import javafx.scene.layout.Region;
import javafx.scene.paint.Paint;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The Usage screen in the real app: requests go through the real proxy to an upstream on a real
 * port that reports known token counts, and the screen must show exactly those.
 */
@ExtendWith(ApplicationExtension.class)
class UsageScreenTest {

    /** What TinyUpstream reports: a plain answer and a streamed one (one token per word). */
    private static final long PLAIN = TinyUpstream.PROMPT_TOKENS + TinyUpstream.COMPLETION_TOKENS;

    private static final long STREAMED =
            TinyUpstream.PROMPT_TOKENS + TinyUpstream.STREAM_WORDS.size();

    @TempDir static Path temp;

    private TinyUpstream upstream;
    private TinyUpstream limited;
    private SignalboxRuntime runtime;

    @Start
    void start(Stage stage) throws Exception {
        upstream = TinyUpstream.serving();
        limited = TinyUpstream.rateLimited();
        runtime = RunningApp.runtime(temp, ProxyCalls.config(temp, upstream, limited));
        SignalboxApp.show(stage, runtime);
    }

    @AfterEach
    void stop() {
        runtime.close();
        upstream.close();
        limited.close();
    }

    private static String text(FxRobot robot, String id) {
        return robot.lookup(id).queryAs(Label.class).getText();
    }

    @SuppressWarnings("unchecked")
    private static StackedBarChart<String, Number> chart(FxRobot robot) {
        return robot.lookup("#usage-chart").queryAs(StackedBarChart.class);
    }

    /** Each layer's tokens over all its bars, by the layer's name. */
    private static Map<String, Long> chartSums(FxRobot robot) {
        Map<String, Long> sums = new HashMap<>();
        for (XYChart.Series<String, Number> layer : chart(robot).getData()) {
            sums.put(
                    layer.getName(),
                    layer.getData().stream().mapToLong(bar -> bar.getYValue().longValue()).sum());
        }
        return sums;
    }

    private static void showLastHour(FxRobot robot) {
        robot.clickOn("#nav-usage");
        robot.clickOn("#usage-range-last_hour");
        WaitForAsyncUtils.waitForFxEvents();
    }

    @Test
    void anEmptyLogShowsARealCurlLineUntilTheFirstRequest(FxRobot robot) throws Exception {
        robot.clickOn("#nav-usage");
        waitUntil(() -> robot.lookup("#usage-first-request").query().isVisible());

        String curl = robot.lookup("#usage-curl").queryAs(TextInputControl.class).getText();
        assertThat(curl)
                .startsWith("curl " + runtime.proxy().baseUrl() + "/chat/completions ")
                .contains("\"model\":\"chat\"");
        robot.clickOn("#usage-copy-curl");
        String copied =
                WaitForAsyncUtils.waitFor(
                        WaitForAsyncUtils.asyncFx(
                                () -> Clipboard.getSystemClipboard().getString()));
        assertThat(copied).isEqualTo(curl);

        assertThat(chat(runtime.proxy().baseUrl(), "chat", false)).isEqualTo(200);

        waitUntil(() -> !robot.lookup("#usage-first-request").query().isVisible());
        waitUntil(() -> text(robot, "#usage-requests").equals("1"));
        assertThat(text(robot, "#usage-total")).isEqualTo(String.valueOf(PLAIN));
    }

    @Test
    void totalsTableAndChartShowExactlyTheTokensTheUpstreamReported(FxRobot robot)
            throws Exception {
        String proxy = runtime.proxy().baseUrl();
        assertThat(chat(proxy, "chat", false)).isEqualTo(200);
        assertThat(chat(proxy, "chat", false)).isEqualTo(200);
        assertThat(chat(proxy, "chat", true)).isEqualTo(200);
        assertThat(chat(proxy, "safe", false)).isEqualTo(200); // 429, then the fallback answers

        showLastHour(robot);
        waitUntil(() -> text(robot, "#usage-requests").equals("4"));

        long prompt = 4L * TinyUpstream.PROMPT_TOKENS;
        long completion = 3L * TinyUpstream.COMPLETION_TOKENS + TinyUpstream.STREAM_WORDS.size();
        assertThat(text(robot, "#usage-prompt")).isEqualTo(String.valueOf(prompt));
        assertThat(text(robot, "#usage-completion")).isEqualTo(String.valueOf(completion));
        assertThat(text(robot, "#usage-total")).isEqualTo(String.valueOf(prompt + completion));
        assertThat(text(robot, "#usage-errors")).isEqualTo("0.0%");
        assertThat(chartSums(robot))
                .containsExactlyInAnyOrderEntriesOf(
                        Map.of("chat", 2 * PLAIN + STREAMED, "safe", PLAIN));
        assertThat(robot.lookup("#usage-estimated-note").query().isVisible()).isFalse();

        @SuppressWarnings("unchecked")
        TableView<GroupRow> table = robot.lookup("#usage-table").queryAs(TableView.class);
        assertThat(table.getItems())
                .extracting(GroupRow::label, GroupRow::requests, GroupRow::totalTokens)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("chat", 3L, 2 * PLAIN + STREAMED),
                        org.assertj.core.groups.Tuple.tuple("safe", 1L, PLAIN));

        robot.clickOn("#usage-group-by").clickOn("By provider");
        waitUntil(() -> chartSums(robot).containsKey("local"));
        // The 429 attempt counts no tokens; every token was served by the local provider.
        assertThat(chartSums(robot)).containsExactlyEntriesOf(Map.of("local", prompt + completion));

        robot.clickOn("#usage-range-last_day");
        waitUntil(() -> chart(robot).getData().get(0).getData().size() == 24);
        assertThat(chartSums(robot)).containsExactlyEntriesOf(Map.of("local", prompt + completion));
        assertThat(text(robot, "#usage-total")).isEqualTo(String.valueOf(prompt + completion));
    }

    @Test
    void aNewRequestChangesTheBarsInPlace(FxRobot robot) throws Exception {
        String proxy = runtime.proxy().baseUrl();
        assertThat(chat(proxy, "chat", false)).isEqualTo(200);
        showLastHour(robot);
        waitUntil(() -> text(robot, "#usage-total").equals(String.valueOf(PLAIN)));
        XYChart.Series<String, Number> layer = chart(robot).getData().get(0);
        Map<String, XYChart.Data<String, Number>> bars = new HashMap<>();
        layer.getData().forEach(bar -> bars.put(bar.getXValue(), bar));
        List<Node> nodes = layer.getData().stream().map(XYChart.Data::getNode).toList();

        assertThat(chat(proxy, "chat", true)).isEqualTo(200);
        waitUntil(() -> text(robot, "#usage-total").equals(String.valueOf(PLAIN + STREAMED)));

        // The bars follow the totals on their own (throttled) update; wait for them too.
        waitUntil(() -> Long.valueOf(PLAIN + STREAMED).equals(chartSums(robot).get("chat")));
        assertThat(chart(robot).getData()).containsExactly(layer);
        assertThat(chartSums(robot)).containsEntry("chat", PLAIN + STREAMED);
        // Every bar still on the chart is the same object with the same node: only values moved
        // (and, had a minute passed, the oldest bar left and a new one came).
        for (XYChart.Data<String, Number> bar : layer.getData()) {
            if (bars.containsKey(bar.getXValue())) {
                assertThat(bar).isSameAs(bars.get(bar.getXValue()));
                assertThat(nodes).contains(bar.getNode());
            }
        }
    }

    @Test
    void barsKeepTheirGroupColourWhenAnotherGroupArrivesLive(FxRobot robot) throws Exception {
        String proxy = runtime.proxy().baseUrl();
        assertThat(chat(proxy, "chat", false)).isEqualTo(200);
        showLastHour(robot);
        waitUntil(() -> chartSums(robot).containsKey("chat"));

        // A second group arriving live adds a layer, which makes the chart restyle every bar.
        assertThat(chat(proxy, "safe", false)).isEqualTo(200);
        waitUntil(() -> chartSums(robot).containsKey("safe"));
        WaitForAsyncUtils.waitForFxEvents();

        Map<String, Paint> barFills = new HashMap<>();
        for (XYChart.Series<String, Number> layer : chart(robot).getData()) {
            for (XYChart.Data<String, Number> bar : layer.getData()) {
                if (bar.getYValue().longValue() > 0) {
                    barFills.put(layer.getName(), fill((Region) bar.getNode()));
                }
            }
        }
        // What the user sees: each layer's bars wear its legend colour, and the two differ.
        assertThat(barFills).containsOnlyKeys("chat", "safe");
        assertThat(barFills.get("chat")).isEqualTo(legendFill(robot, "chat"));
        assertThat(barFills.get("safe")).isEqualTo(legendFill(robot, "safe"));
        assertThat(barFills.get("chat")).isNotEqualTo(barFills.get("safe"));
    }

    private static Paint legendFill(FxRobot robot, String group) throws Exception {
        Label key =
                robot.from(robot.lookup("#usage-legend").queryAs(Node.class))
                        .lookup((Label label) -> group.equals(label.getText()))
                        .queryAs(Label.class);
        return fill((Region) key.getGraphic());
    }

    /** The colour a region is painted with once styled: its first background fill. */
    private static Paint fill(Region region) throws Exception {
        return FxWait.onFx(
                () -> {
                    region.applyCss();
                    return region.getBackground().getFills().get(0).getFill();
                });
    }
}

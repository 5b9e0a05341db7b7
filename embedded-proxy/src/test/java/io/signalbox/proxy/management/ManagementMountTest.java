package io.signalbox.proxy.management;

import static org.assertj.core.api.Assertions.assertThat;

import io.signalbox.proxy.ProxyOptions;
import java.time.Clock;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.thread.Invocable.InvocationType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ManagementMountTest {

    /** Stands in for the proxy's handler, which is non-blocking. */
    private static final Handler NON_BLOCKING_PROXY =
            new Handler.Abstract.NonBlocking() {
                @Override
                public boolean handle(Request request, Response response, Callback callback) {
                    return false;
                }
            };

    /**
     * Jetty runs a request by the invocation type of the whole handler tree: mounting the
     * management API must not turn the proxy's non-blocking path into a blocking one.
     */
    @Test
    void mountingTheManagementApiKeepsTheHandlerTreeNonBlocking() {
        ManagementMount mount =
                new ManagementMount(
                        new ScriptedApi(),
                        token -> false,
                        ProxyOptions.defaults("127.0.0.1", 0),
                        Clock.systemUTC(),
                        NON_BLOCKING_PROXY);

        assertThat(mount.getInvocationType()).isEqualTo(InvocationType.NON_BLOCKING);
        assertThat(mount.getHandlers()).hasSize(2).contains(NON_BLOCKING_PROXY);
    }

    @ParameterizedTest
    @CsvSource({
        "/api, true",
        "/api/, true",
        "/api/health, true",
        "/api/providers/x/discover, true",
        "/apis, false",
        "/api-docs, false",
        "/v1/api/health, false",
        "/v1/chat/completions, false",
        "/, false"
    })
    void onlyApiAndWhatIsUnderItGoesToTheManagementApi(String path, boolean management) {
        assertThat(ManagementMount.isManagementPath(path)).isEqualTo(management);
    }
}

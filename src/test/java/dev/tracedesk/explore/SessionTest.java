package dev.tracedesk.explore;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tracedesk.aws.SandboxConnection;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class SessionTest {

    @Test
    void switchingTellsListenersAndReplacesTheClients() {
        try (Session session = new Session(SandboxConnection.onLocalPort(2000))) {
            var before = session.clients();
            List<String> seen = new ArrayList<>();
            Runnable remove = session.onSwitch(c -> seen.add(c.connection().label()));

            session.switchTo(SandboxConnection.onLocalPort(2001));

            assertThat(seen).hasSize(1);
            assertThat(session.clients()).isNotSameAs(before);
            assertThat(session.clients().connection()).isSameAs(session.connection());

            remove.run();
            session.switchTo(SandboxConnection.onLocalPort(2002));
            assertThat(seen).hasSize(1);
        }
    }
}

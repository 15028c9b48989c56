package dev.tracedesk.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tracedesk.aws.SandboxConnection;
import dev.tracedesk.explore.Session;
import dev.tracedesk.explore.load.ShopNotFoundException;
import dev.tracedesk.sandbox.Sandbox;
import dev.tracedesk.sandbox.stack.ShopStack;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * How the load tests find a shop deployed through CloudFormation (AWS's way), here on the sandbox's CloudFormation,
 * Lambda and API: the outputs name the URL and the functions, the decrypt function's environment holds the key.
 */
class DeployedShopLocatorTest {

    @TempDir
    Path dir;

    @Test
    void theStackOutputsAndTheDecryptFunctionsEnvironmentLocateTheShop() throws Exception {
        try (Sandbox sandbox = Sandbox.start(Sandbox.Config.defaults().port(0).dataDir(dir));
             ShopStack shop = ShopStack.start(sandbox, ShopStack.Options.defaults());
             Session session = new Session(SandboxConnection.onLocalPort(sandbox.port()))) {
            String apiId = session.clients().apiGateway().getRestApis().items().stream()
                    .filter(a -> a.name().equals("AMIS_api_gateway")).findFirst().orElseThrow().id();

            ShopLoadTests.Location found = new DeployedShopLocator("AMIS").locate(session);

            assertThat(found.invokeUrl()).isEqualTo("https://" + apiId + ".execute-api.us-east-1.amazonaws.com/prod");
            assertThat(found.key()).isEqualTo(shop.key());
            assertThat(found.functions()).containsExactly("AMIS_shop_accept", "AMIS_shop_decrypt",
                    "AMIS_shop_update_db", "AMIS_unittest_object_under_test_update_db");
            assertThatThrownBy(() -> new DeployedShopLocator("NOPE").locate(session))
                    .isInstanceOf(ShopNotFoundException.class)
                    .hasMessageContaining("tracedesk-shop-NOPE");
        }
    }
}

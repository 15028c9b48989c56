package dev.tracedesk.app;

import dev.tracedesk.explore.Session;
import dev.tracedesk.explore.load.ShopNotFoundException;

/** The sandbox's shop through its {@code shop.json}; on AWS the deployed stack's outputs. */
final class ConnectionShopLocator implements ShopLoadTests.Locator {

    private final SandboxShopLocator sandbox;
    private final DeployedShopLocator deployed;

    ConnectionShopLocator(SandboxShopLocator sandbox, DeployedShopLocator deployed) {
        this.sandbox = sandbox;
        this.deployed = deployed;
    }

    @Override
    public ShopLoadTests.Location locate(Session session) throws ShopNotFoundException {
        return session.connection().isSandbox() ? sandbox.locate(session) : deployed.locate(session);
    }
}

package dev.tracedesk.shop.lambda;

import dev.tracedesk.shop.ShopBackend;
import dev.tracedesk.shop.handlers.UpdateDbHandler;
import java.io.PrintStream;
import java.util.Map;
import java.util.function.Supplier;

/** Lambda handler {@code dev.tracedesk.shop.lambda.UpdateDbEntry::handleRequest}: {@code <prefix>_shop_update_db} and the unit-test function (SNS or proxy event in). */
public final class UpdateDbEntry extends LambdaEntry {
    /** Used by the Lambda runtime. */
    public UpdateDbEntry() {
        super(new UpdateDbHandler());
    }

    UpdateDbEntry(Map<String, String> environment, ShopBackend backend, SegmentSender sender, Supplier<String> traceHeader,
                PrintStream log) {
        super(new UpdateDbHandler(), environment, backend, sender, traceHeader, log);
    }
}

package dev.tracedesk.sandbox.stack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tracedesk.shop.ShopTemplate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CfnTemplateTest {
    static final ObjectMapper JSON = new ObjectMapper();

    static CfnTemplate.Scope scope(Map<String, String> params, Map<String, String> refs) {
        return new CfnTemplate.Scope() {
            @Override
            public String pseudo(String name) { return name.equals("AWS::Region") ? "us-east-1" : name.equals("AWS::AccountId") ? "000000000000" : name.equals("AWS::Partition") ? "aws" : null; }

            @Override
            public String parameter(String name) { return params.get(name); }

            @Override
            public String ref(String logicalId) { return refs.get(logicalId); }

            @Override
            public String attribute(String logicalId, String attribute) {
                String v = refs.get(logicalId + "." + attribute);
                if (v == null) throw new CfnTemplate.TemplateError("no attribute " + attribute);
                return v;
            }
        };
    }

    @Test
    void intrinsicsResolveAgainstParametersResourcesAndPseudoParameters() throws Exception {
        CfnTemplate t = new CfnTemplate(JSON.readTree("""
                {"Parameters":{"P":{"Type":"String"},"T":{"Type":"String"}},
                 "Conditions":{"On":{"Fn::Equals":[{"Ref":"T"},"on"]},"Off":{"Fn::Not":[{"Condition":"On"}]}},
                 "Resources":{"A":{"Type":"X"},"B":{"Type":"X","Properties":{
                   "s":{"Fn::Sub":"${P}_x_${AWS::Region}_${A}_${A.Arn}_${!Literal}"},
                   "j":{"Fn::Join":["-",[{"Ref":"P"},{"Fn::GetAtt":["A","Arn"]}]]},
                   "i":{"Fn::If":["On","Active","PassThrough"]},
                   "n":{"Fn::If":["Off","x",{"Ref":"AWS::NoValue"}]},
                   "v":{"Fn::Sub":["${a}-${AWS::AccountId}",{"a":{"Ref":"P"}}]},
                   "sel":{"Fn::Select":[1,{"Fn::Split":[",","a,b,c"]}]}}}}}"""));
        JsonNode p = t.resolve(t.resources.get("B").get("Properties"), scope(Map.of("P", "AMIS", "T", "on"), Map.of("A", "a1", "A.Arn", "arn:a")));
        assertThat(p.get("s").asText()).isEqualTo("AMIS_x_us-east-1_a1_arn:a_${Literal}");
        assertThat(p.get("j").asText()).isEqualTo("AMIS-arn:a");
        assertThat(p.get("i").asText()).isEqualTo("Active");
        assertThat(p.has("n")).isFalse();
        assertThat(p.get("v").asText()).isEqualTo("AMIS-000000000000");
        assertThat(p.get("sel").asText()).isEqualTo("b");
        assertThat(t.dependencies("B")).containsExactly("A");
    }

    @Test
    void theShopTemplateOrdersEveryResourceAfterWhatItReferences() throws Exception {
        CfnTemplate t = new CfnTemplate(JSON.readTree(ShopTemplate.json()));
        List<String> order = t.creationOrder();
        assertThat(order).hasSize(t.resources.size());
        for (String id : order) {
            for (String dep : t.dependencies(id)) assertThat(order.indexOf(dep)).as(id + " after " + dep).isLessThan(order.indexOf(id));
        }
        assertThat(order.indexOf("DecryptFunction")).isLessThan(order.indexOf("AcceptedTopic"));
        assertThat(order.indexOf("ShopPostMethod")).isLessThan(order.indexOf("ApiDeployment"));
    }

    @Test
    void cyclesAndUnresolvedReferencesAreTemplateErrors() throws Exception {
        CfnTemplate cyclic = new CfnTemplate(JSON.readTree("""
                {"Resources":{"A":{"Type":"X","Properties":{"x":{"Ref":"B"}}},"B":{"Type":"X","DependsOn":"A"}}}"""));
        assertThatThrownBy(cyclic::creationOrder).isInstanceOf(CfnTemplate.TemplateError.class).hasMessageContaining("Circular");
        CfnTemplate dangling = new CfnTemplate(JSON.readTree("""
                {"Resources":{"A":{"Type":"X","Properties":{"x":{"Fn::GetAtt":["Nope","Arn"]}}}}}"""));
        assertThatThrownBy(dangling::creationOrder).isInstanceOf(CfnTemplate.TemplateError.class).hasMessageContaining("Nope");
        assertThatThrownBy(() -> new CfnTemplate(JSON.readTree("{\"Resources\":{}}"))).isInstanceOf(CfnTemplate.TemplateError.class);
    }
}

using System.Text.Json.Nodes;

namespace Uplift.Tests.OpenStack;

/// <summary>Compares JSON by value (key order and whitespace do not matter), showing both sides on failure.</summary>
public static class JsonAssert
{
    public static void Equal(string expected, JsonNode? actual)
    {
        var expectedNode = JsonNode.Parse(expected);
        JsonNode.DeepEquals(expectedNode, actual).ShouldBeTrue(
            $"expected {expectedNode?.ToJsonString()}{Environment.NewLine}but got  {actual?.ToJsonString()}");
    }
}

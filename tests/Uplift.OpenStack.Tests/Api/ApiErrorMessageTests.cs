using Uplift.OpenStack;

namespace Uplift.Tests.OpenStack;

public class ApiErrorMessageTests
{
    [Theory]
    [InlineData("""{"computeFault": {"code": 500, "message": "Unexpected API Error."}}""", "Unexpected API Error.")]
    [InlineData("""{"badRequest": {"code": 400, "message": "Invalid input for field/attribute status."}}""", "Invalid input for field/attribute status.")]
    [InlineData("""{"itemNotFound": {"code": 404, "message": "Service 1a2b could not be found."}}""", "Service 1a2b could not be found.")]
    [InlineData("""{"conflictingRequest": {"code": 409, "message": "Cannot 'os-migrateLive' instance while it is in task_state migrating"}}""", "Cannot 'os-migrateLive' instance while it is in task_state migrating")]
    [InlineData("""{"NeutronError": {"type": "AgentNotFound", "message": "Agent a1 could not be found.", "detail": ""}}""", "Agent a1 could not be found.")]
    [InlineData("""{"NeutronError": "Agent a1 could not be found."}""", "Agent a1 could not be found.")]
    [InlineData("""{"error": {"code": 401, "title": "Unauthorized", "message": "The request you have made requires authentication."}}""", "The request you have made requires authentication.")]
    [InlineData("""{"errors": [{"status": 409, "title": "Conflict", "detail": "resource provider generation conflict"}]}""", "resource provider generation conflict")]
    [InlineData("<html><body><h1>503 Service Unavailable</h1>\nNo server is available to handle this request.\n</body></html>", "503 Service Unavailable No server is available to handle this request.")]
    [InlineData("404 Not Found\n\nThe resource could not be found.\n\n   ", "404 Not Found The resource could not be found.")]
    public void Given_an_error_body_When_parsed_Then_OpenStacks_own_message_is_found(string body, string expected)
    {
        ApiErrorMessage.Parse(body).ShouldBe(expected);
    }

    [Fact]
    public void Given_an_empty_body_When_parsed_Then_there_is_no_message()
    {
        ApiErrorMessage.Parse("  ").ShouldBeNull();
    }

    [Fact]
    public void Given_a_huge_body_When_parsed_Then_the_message_is_shortened()
    {
        ApiErrorMessage.Parse(new string('x', 5000))!.Length.ShouldBeLessThan(410);
    }
}

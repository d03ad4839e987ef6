using Uplift.Diagnostics;
using Uplift.OpenStack;

namespace Uplift.Tests.OpenStack;

public sealed class CloudsFileSearchTests : IDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("uplift-clouds-").FullName;
    private readonly Dictionary<string, string> _environment = [];

    private string Cwd => Path.Combine(_root, "cwd");

    private string UserConfig => Path.Combine(_root, "home", ".config", "openstack");

    private string System => Path.Combine(_root, "etc", "openstack");

    [Fact]
    public void Given_clouds_in_several_places_When_loading_Then_the_current_directory_wins_and_OS_CLOUD_picks_the_cloud()
    {
        Write(Cwd, "clouds.yaml", Cloud("here", "http://cwd:5000"));
        Write(UserConfig, "clouds.yaml", Cloud("here", "http://home:5000"));
        _environment["OS_CLOUD"] = "here";

        Search().Load().AuthUrl.Host.ShouldBe("cwd");
    }

    [Fact]
    public void Given_only_etc_openstack_with_a_yml_file_and_secure_in_home_When_loading_Then_both_are_found_and_merged()
    {
        Write(System, "clouds.yml", Cloud("ops", "http://etc:5000"));
        Write(UserConfig, "secure.yaml", "clouds:\n  ops:\n    auth:\n      password: from-home\n");

        var cloud = Search().Load("ops");

        cloud.AuthUrl.Host.ShouldBe("etc");
        cloud.Credentials.Secret.Reveal().ShouldBe("from-home");
    }

    [Fact]
    public void Given_OS_CLIENT_CONFIG_FILE_When_loading_Then_only_that_file_is_read()
    {
        Write(Cwd, "clouds.yaml", Cloud("a", "http://cwd:5000"));
        var named = Write(_root, "elsewhere.yaml", Cloud("a", "http://named:5000"));
        _environment["OS_CLIENT_CONFIG_FILE"] = named;

        Search().Load("a").AuthUrl.Host.ShouldBe("named");
    }

    [Fact]
    public void Given_no_cloud_named_When_loading_Then_the_error_says_to_set_OS_CLOUD()
    {
        Write(Cwd, "clouds.yaml", Cloud("a", "http://cwd:5000"));

        Should.Throw<InputException>(() => Search().Load()).Message.ShouldContain("set OS_CLOUD, pass --os-cloud NAME, or name it in the inventory");
    }

    [Fact]
    public void Given_no_clouds_file_anywhere_When_loading_Then_the_error_lists_where_it_looked()
    {
        var error = Should.Throw<InputException>(() => Search().Load("a"));

        error.Message.ShouldContain("no clouds.yaml found");
        error.Message.ShouldContain(System);
    }

    [Fact]
    public void Given_the_inventory_names_a_clouds_file_and_a_cloud_When_loading_Then_they_are_used_over_the_usual_places()
    {
        Write(Cwd, "clouds.yaml", Cloud("lab", "http://cwd:5000"));
        var fromInventory = Write(_root, "lab-clouds.yaml", Cloud("lab", "http://inventory:5000"));

        Search().Load(null, fromInventory, "lab").AuthUrl.Host.ShouldBe("inventory");
    }

    [Fact]
    public void Given_the_inventory_s_cloud_When_OS_CLOUD_or_os_cloud_name_another_Then_the_operator_s_choice_wins()
    {
        var file = Write(_root, "lab-clouds.yaml", Cloud("lab", "http://lab:5000") + Cloud("other", "http://other:5000")["clouds:\n".Length..]);
        _environment["OS_CLOUD"] = "other";

        Search().Load(null, file, "lab").AuthUrl.Host.ShouldBe("other");
        Search().Load("lab", file, "lab").AuthUrl.Host.ShouldBe("lab");
    }

    [Fact]
    public void Given_OS_CLIENT_CONFIG_FILE_and_an_inventory_file_When_loading_Then_the_environment_wins()
    {
        var fromInventory = Write(_root, "lab-clouds.yaml", Cloud("a", "http://inventory:5000"));
        _environment["OS_CLIENT_CONFIG_FILE"] = Write(_root, "env.yaml", Cloud("a", "http://env:5000"));

        Search().Load("a", fromInventory).AuthUrl.Host.ShouldBe("env");
    }

    [Fact]
    public void Given_an_inventory_file_that_does_not_exist_When_loading_Then_the_error_names_it()
    {
        var missing = Path.Combine(_root, "nowhere.yaml");

        Should.Throw<InputException>(() => Search().Load("a", missing)).Message.ShouldContain($"openstack.clouds_yaml names {missing}, which does not exist");
    }

    public void Dispose() => Directory.Delete(_root, recursive: true);

    private CloudsFileSearch Search() => new(name => _environment.GetValueOrDefault(name), [Cwd, UserConfig, System]);

    private static string Cloud(string name, string authUrl) =>
        $"clouds:\n  {name}:\n    auth:\n      auth_url: {authUrl}\n      user_id: u1\n      password: pw\n      project_id: p1\n";

    private static string Write(string directory, string file, string text)
    {
        Directory.CreateDirectory(directory);
        var path = Path.Combine(directory, file);
        File.WriteAllText(path, text);
        return path;
    }
}

using TuneAdvisor.Configuration;
using TuneAdvisor.Sources.Image;

namespace TuneAdvisor.Tests.Sources.Image;

public sealed class ImageKernelTests : IDisposable
{
    private readonly TempTree _tree = new();

    public void Dispose() => _tree.Dispose();

    [Fact]
    public void Takes_the_newest_module_tree_and_notes_the_others()
    {
        _tree.Dir("usr/lib/modules/6.1.0-9-amd64/kernel")
            .Dir("usr/lib/modules/6.1.0-18-amd64/kernel")
            .Dir("usr/lib/modules/5.10.0-28-amd64")
            .Link("lib", "usr/lib")
            .File("boot/vmlinuz-6.1.0-18-amd64", "x");

        var kernel = ImageKernel.Detect(new RootFileSystem(_tree.Root));

        Assert.Equal("6.1.0-18-amd64", kernel.Release);
        Assert.Equal("usr/lib/modules/6.1.0-18-amd64", kernel.Source);
        var note = Assert.Single(kernel.Diagnostics);
        Assert.Contains("the image holds 3 kernels (5.10.0-28-amd64, 6.1.0-9-amd64, 6.1.0-18-amd64)", note.Message);
    }

    [Fact]
    public void Falls_back_to_boot_vmlinuz_and_ignores_non_versions()
    {
        _tree.File("boot/vmlinuz-4.19.0-26-amd64", "x").File("boot/vmlinuz", "x").Dir("lib/modules/extramodules");

        var kernel = ImageKernel.Detect(new RootFileSystem(_tree.Root));

        Assert.Equal("4.19.0-26-amd64", kernel.Release);
        Assert.Equal("boot/vmlinuz-4.19.0-26-amd64", kernel.Source);
        Assert.Empty(kernel.Diagnostics);
    }

    [Fact]
    public void No_kernel_is_unknown_with_a_note()
    {
        var kernel = ImageKernel.Detect(new RootFileSystem(_tree.Root));

        Assert.Null(kernel.Release);
        Assert.Null(kernel.Version);
        Assert.Contains("no kernel found in the image", Assert.Single(kernel.Diagnostics).Message);
    }
}

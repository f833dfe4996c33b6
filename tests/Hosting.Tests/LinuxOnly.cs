// The local runner relies on Linux (setsid, setpriv, /proc, the postgres system user); so do its tests.
[assembly: System.Runtime.Versioning.SupportedOSPlatform("linux")]

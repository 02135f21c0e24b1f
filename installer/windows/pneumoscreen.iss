; Inno Setup script: PneumoScreen-Setup-VERSION.exe, a per-user installer (no administrator rights).
;
; Built on Windows from the one-folder bundle (dist\PneumoScreen, made by `pyinstaller build.spec`):
;   iscc /DAppVersion=0.1.0 installer\windows\pneumoscreen.iss
; .github/workflows/windows-installer.yml does exactly this on a Windows runner. It cannot be
; built or run on the project's Linux machines.
;
; Installs into %LOCALAPPDATA%\Programs\PneumoScreen, adds a Start-menu entry (and, if ticked, a
; desktop shortcut) and an uninstaller listed under "Apps". Uninstalling removes the program; the
; results log in %LOCALAPPDATA%\PneumoScreen stays, as it holds the clinic's records.

#ifndef AppVersion
  #define AppVersion "0.0.0"
#endif
#ifndef BundleDir
  #define BundleDir "..\..\dist\PneumoScreen"
#endif

[Setup]
; Never change AppId: Windows uses it to recognise upgrades and the uninstaller.
AppId={{FE7FABA3-9997-4134-A08F-1A548FFAC3A4}
AppName=PneumoScreen
AppVersion={#AppVersion}
AppVerName=PneumoScreen {#AppVersion}
AppPublisher=PneumoScreen project
AppComments=Offline chest X-ray screening aid. A screening aid, not a diagnosis.
PrivilegesRequired=lowest
PrivilegesRequiredOverridesAllowed=
DefaultDirName={userpf}\PneumoScreen
DefaultGroupName=PneumoScreen
DisableProgramGroupPage=yes
OutputDir=..\..\dist
OutputBaseFilename=PneumoScreen-Setup-{#AppVersion}
SetupIconFile={#BundleDir}\_internal\pneumoscreen.ico
UninstallDisplayIcon={app}\PneumoScreen.exe
UninstallDisplayName=PneumoScreen {#AppVersion}
Compression=lzma2/max
SolidCompression=yes
WizardStyle=modern
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
CloseApplications=yes

[Languages]
Name: "english"; MessagesFile: "compiler:Default.isl"
Name: "french"; MessagesFile: "compiler:Languages\French.isl"
Name: "portuguese"; MessagesFile: "compiler:Languages\Portuguese.isl"

[Tasks]
Name: "desktopicon"; Description: "{cm:CreateDesktopIcon}"; GroupDescription: "{cm:AdditionalIcons}"

[Files]
Source: "{#BundleDir}\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs

[Icons]
Name: "{autoprograms}\PneumoScreen"; Filename: "{app}\PneumoScreen.exe"; Comment: "Chest X-ray screening aid"
Name: "{autodesktop}\PneumoScreen"; Filename: "{app}\PneumoScreen.exe"; Tasks: desktopicon

[Run]
Filename: "{app}\PneumoScreen.exe"; Description: "{cm:LaunchProgram,PneumoScreen}"; Flags: nowait postinstall skipifsilent

[UninstallDelete]
; Python's byte-code caches, if anything wrote them beside the program.
Type: filesandordirs; Name: "{app}\_internal\__pycache__"

; The Windows installer of the Practice bundle (Inno Setup 6), made by the release
; workflow (.github/workflows/release.yml) after PyInstaller has filled dist\practice:
;     set PRACTICE_VERSION=0.1.0
;     iscc packaging\windows\practice.iss
; It installs for the current user or for everyone (the user is asked), adds a Start
; menu entry and, if asked, a desktop one. Uninstalling leaves the practice's data
; (%LOCALAPPDATA%\Practice) where it is.
#define AppVersion GetEnv("PRACTICE_VERSION")

[Setup]
AppId={{6F0B5C1E-4D2A-4E8B-9B1F-5A7C3D2E8F10}
AppName=Practice
AppVersion={#AppVersion}
AppPublisher=Practice developers
DefaultDirName={autopf}\Practice
DefaultGroupName=Practice
DisableProgramGroupPage=yes
PrivilegesRequired=lowest
PrivilegesRequiredOverridesAllowed=dialog
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
OutputDir=..\..\dist
OutputBaseFilename=Practice-{#AppVersion}-setup
SetupIconFile=..\..\resources\icons\practice.ico
UninstallDisplayIcon={app}\practice-gui.exe
Compression=lzma2
SolidCompression=yes
WizardStyle=modern

[Languages]
Name: "english"; MessagesFile: "compiler:Default.isl"
Name: "spanish"; MessagesFile: "compiler:Languages\Spanish.isl"

[Tasks]
Name: "desktopicon"; Description: "{cm:CreateDesktopIcon}"; GroupDescription: "{cm:AdditionalIcons}"; Flags: unchecked

[Files]
Source: "..\..\dist\practice\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs

[Icons]
Name: "{group}\Practice"; Filename: "{app}\practice-gui.exe"
Name: "{autodesktop}\Practice"; Filename: "{app}\practice-gui.exe"; Tasks: desktopicon

[Run]
Filename: "{app}\practice-gui.exe"; Description: "{cm:LaunchProgram,Practice}"; Flags: nowait postinstall skipifsilent

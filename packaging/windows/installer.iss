; Inno Setup script for the Windows installer (build on Windows after `make package`).
;   iscc packaging\windows\installer.iss
; Installs per user (no admin rights needed on locked-down laptops) or per machine when elevated.
#define AppName "Durable Solutions Workbench"
#define AppVersion "0.1.0"
#define BundleDir "..\..\dist\DurableSolutionsWorkbench"

[Setup]
AppId={{6E4C1B9A-4D0F-4B7E-9C55-2F1D0A7B3E11}
AppName={#AppName}
AppVersion={#AppVersion}
AppPublisher=Durable Solutions Workbench
DefaultDirName={autopf}\{#AppName}
DefaultGroupName={#AppName}
PrivilegesRequired=lowest
PrivilegesRequiredOverridesAllowed=dialog
OutputBaseFilename=DurableSolutionsWorkbench-{#AppVersion}-setup
Compression=lzma2
SolidCompression=yes
ArchitecturesInstallIn64BitMode=x64compatible
SetupIconFile=workbench.ico
UninstallDisplayIcon={app}\workbench-gui.exe
; Signing (placeholder): configure a sign tool in the Inno Setup IDE as "signtool" and uncomment:
; SignTool=signtool sign /fd SHA256 /tr http://timestamp.example /td SHA256 /f "$qCERT.pfx$q" $f

[Languages]
Name: "english"; MessagesFile: "compiler:Default.isl"
Name: "french"; MessagesFile: "compiler:Languages\French.isl"
Name: "spanish"; MessagesFile: "compiler:Languages\Spanish.isl"
Name: "arabic"; MessagesFile: "compiler:Languages\Arabic.isl"

[Tasks]
Name: "desktopicon"; Description: "{cm:CreateDesktopIcon}"; GroupDescription: "{cm:AdditionalIcons}"
Name: "portable"; Description: "Portable mode: keep settings and vaults next to the program (for an encrypted USB drive)"; Flags: unchecked

[Files]
Source: "{#BundleDir}\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs
Source: "portable.flag"; DestDir: "{app}"; Tasks: portable

[Icons]
Name: "{group}\{#AppName}"; Filename: "{app}\workbench-gui.exe"
Name: "{autodesktop}\{#AppName}"; Filename: "{app}\workbench-gui.exe"; Tasks: desktopicon

[Run]
Filename: "{app}\workbench-gui.exe"; Description: "{cm:LaunchProgram,{#AppName}}"; Flags: nowait postinstall skipifsilent
